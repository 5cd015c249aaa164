// Postgres constraint violations → clear 4xx problems naming the field, never a 500. drizzle wraps
// driver errors (DrizzleQueryError), so the Postgres fields may sit on the error or on its cause.
import { AppError } from './problem.ts'

interface PgErrorFields {
  code?: string
  constraint?: string
  detail?: string
}

export function pgError(err: unknown): PgErrorFields | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const fields = e as PgErrorFields
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields
  }
  return null
}

/** Postgres SQLSTATEs we translate. */
export const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  numericOverflow: '22003',
} as const

/**
 * Runs fn and turns a constraint violation into an AppError. `fields` maps constraint names to the
 * API field they concern, e.g. `{ contacts_tenant_id_email_live_key: 'email' }`.
 */
export async function withConstraintErrors<T>(
  fields: Record<string, string>,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    const pg = pgError(err)
    if (!pg) throw err
    const field = (pg.constraint && fields[pg.constraint]) || '(body)'
    const errors = [{ field, message: messageFor(pg.code) }]
    if (pg.code === PG.uniqueViolation)
      throw new AppError('conflict', `The ${field} is already in use`, { errors })
    if (pg.code === PG.foreignKeyViolation)
      throw new AppError('unprocessable', `The ${field} does not exist`, { errors })
    if (pg.code === PG.checkViolation || pg.code === PG.numericOverflow || pg.code === PG.notNullViolation) {
      throw new AppError('unprocessable', `The ${field} is not allowed`, { errors })
    }
    throw err
  }
}

function messageFor(code: string | undefined): string {
  switch (code) {
    case PG.uniqueViolation:
      return 'Already in use'
    case PG.foreignKeyViolation:
      return 'Not found in this workspace'
    case PG.numericOverflow:
      return 'Too large'
    default:
      return 'Not allowed'
  }
}

/** True when err is a unique violation, optionally of one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err)
  return pg?.code === PG.uniqueViolation && (!constraint || pg.constraint === constraint)
}
