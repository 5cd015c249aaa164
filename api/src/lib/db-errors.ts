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

/**
 * Database trouble a client should retry rather than a bug: the server unreachable, restarting or out of
 * connections (`database_unavailable`), or a statement or lock wait cut short by a timeout (`timeout`).
 * Null for everything else. Driver errors without a SQLSTATE are recognised by their Node error code or
 * by the messages pg, Neon's driver (a pg fork) and PGlite use for a lost or refused connection.
 */
export function databaseTrouble(err: unknown): 'database_unavailable' | 'timeout' | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string') {
      if (TIMEOUT_STATES.has(code)) return 'timeout'
      if (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NODE_NET_CODES.has(code))
        return 'database_unavailable'
    }
    if (typeof message === 'string' && LOST_CONNECTION.test(message)) return 'database_unavailable'
  }
  return null
}

/** query_canceled (statement_timeout), lock_not_available (lock_timeout), idle-in-transaction timeout. */
const TIMEOUT_STATES = new Set(['57014', '55P03', '25P03'])
/** admin/crash shutdown, cannot connect now, too many connections, out of memory/disk. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53200', '53100', '58000', '58030'])
const NODE_NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])
const LOST_CONNECTION =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended|PGlite is closed|WebSocket (?:was )?closed|socket hang up/i
