import type { Context } from 'hono'
import type { AppEnv, Auth } from '../context.ts'
import { AppError } from '../lib/problem.ts'
import { elevated } from '../services/auth/caller-tx.ts'
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
  const proof = auth.proof
  const until = proof?.confirmed ? proof.confirmed.elevatedUntil : auth.elevatedUntil
  if (elevated(until, now.getTime())) return auth
  // Cached facts may predate a step-up verified through another instance: the database decides, in the
  // binding of the request's tenant transaction (or after the handler), before anything is answered.
  if (proof && !proof.confirmed) {
    proof.stepUpDeferred = true
    return auth
  }
  throw new AppError('step_up_required', 'Confirm it is you: enter the code we email you, then try again')
}
