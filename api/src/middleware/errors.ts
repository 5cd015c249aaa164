import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../context.ts'
import { AppError, type FieldError, problemBody } from '../lib/problem.ts'

export function problem(c: Context, err: AppError) {
  const headers = { 'Content-Type': 'application/problem+json', ...err.extra.headers }
  return c.body(JSON.stringify(problemBody(err, new URL(c.req.url).pathname)), err.status, headers)
}

export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) return problem(c, err)
  if (err instanceof HTTPException) {
    const code = err.status === 401 ? 'unauthorized' : err.status === 404 ? 'not_found' : 'validation_failed'
    return problem(c, new AppError(code, err.message || 'Bad request'))
  }
  c.get('log')?.error('unhandled error', { error: err.name, detail: err.message.slice(0, 200) })
  return problem(c, new AppError('internal', 'Something went wrong on our side'))
}

export const onNotFound = (c: Context<AppEnv>) => problem(c, new AppError('not_found', 'No such endpoint'))

/** Zod issues → the field list every 400 carries. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldError[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }))
}
