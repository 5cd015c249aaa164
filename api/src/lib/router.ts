import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../context.ts'
import { fieldErrors } from '../middleware/errors.ts'
import { AppError } from './problem.ts'

/** Every validation failure becomes a 400 problem naming each field. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', 'Some fields are invalid', {
          errors: fieldErrors(result.error.issues),
        })
      }
    },
  })
}
