import type { Context } from 'hono'
import type { AppEnv, Auth } from '../context.ts'
import { AppError } from '../lib/problem.ts'
import { currentAuth } from './auth.ts'

/**
 * NFR-S8 guard for sensitive operations (user deletion, data export, pricing changes, process deletion):
 * the caller's session must have verified an emailed code in the last 10 minutes (POST /auth/step-up).
 * API tokens never pass: these operations need an interactive session.
 */
export function requireStepUp(c: Context<AppEnv>, now = new Date()): Auth {
  const auth = currentAuth(c)
  if (auth.via !== 'session') {
    throw new AppError(
      'step_up_required',
      'This operation needs a signed-in session; API tokens cannot do it',
    )
  }
  if (!auth.elevatedUntil || auth.elevatedUntil.getTime() <= now.getTime()) {
    throw new AppError('step_up_required', 'Confirm it is you: enter the code we email you, then try again')
  }
  return auth
}
