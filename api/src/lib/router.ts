import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../context.ts'
import { AppError, fieldErrors } from './problem.ts'
import { badStrings } from './text.ts'

/**
 * Every validation failure becomes a 400 problem naming each field. Whatever passed the schema is then
 * checked for characters no field may hold (lib/text.ts): one place for every body, query, path and header.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', 'Some fields are invalid', {
          errors: fieldErrors(result.error.issues),
        })
      }
      const errors = badStrings(result.data)
      if (errors.length > 0) throw new AppError('validation_failed', 'Some fields are invalid', { errors })
    },
  })
}
