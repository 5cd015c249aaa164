import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../context.ts'
import { noteDatabaseDown } from '../lib/db-availability.ts'
import { databaseTrouble } from '../lib/db-errors.ts'
import { AppError, problemBody } from '../lib/problem.ts'
import { isPrivilegeRefusal, noteNotFound, notePrivilegeRefusal } from './security-signals.ts'

export function problem(c: Context, err: AppError) {
  const headers = { 'Content-Type': 'application/problem+json', ...err.extra.headers }
  return c.body(JSON.stringify(problemBody(err, new URL(c.req.url).pathname)), err.status, headers)
}

export async function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    if (err.code === 'not_found') await noteNotFound(c)
    return problem(c, err)
  }
  if (isPrivilegeRefusal(err)) {
    await notePrivilegeRefusal(c, err)
    return problem(c, new AppError('forbidden', 'Not allowed'))
  }
  const trouble = databaseTrouble(err)
  if (trouble) {
    const log = c.get('log')
    if (log) noteDatabaseDown(log, trouble, err.name)
    return problem(c, DATABASE_TROUBLE[trouble])
  }
  if (err instanceof HTTPException) {
    const code = err.status === 401 ? 'unauthorized' : err.status === 404 ? 'not_found' : 'validation_failed'
    // The validators' own refusal (malformed JSON) names the body, as every validation failure names a field.
    const errors =
      code === 'validation_failed' ? [{ field: '(body)', message: err.message || 'Bad request' }] : []
    return problem(c, new AppError(code, err.message || 'Bad request', errors.length ? { errors } : {}))
  }
  c.get('log')?.error('unhandled error', { error: err.name, detail: err.message.slice(0, 200) })
  return problem(c, new AppError('internal', 'Something went wrong on our side'))
}

/** Database trouble is the client's cue to retry (with Retry-After), never a raw 500. */
const DATABASE_TROUBLE = {
  database_unavailable: new AppError('database_unavailable', 'The database is unavailable; retry shortly', {
    headers: { 'Retry-After': '5' },
  }),
  timeout: new AppError('timeout', 'The database took too long to answer; retry shortly', {
    headers: { 'Retry-After': '2' },
  }),
}

export const onNotFound = (c: Context<AppEnv>) => problem(c, new AppError('not_found', 'No such endpoint'))
