// Runtime configuration, parsed once at boot from the runtime's env (process.env or Workers bindings).
import type { DatabaseLimits } from '@aura/db/limits'
import { z } from 'zod'

const ZConfig = z.object({
  ROOT_DOMAIN: z.string().min(1).default('localhost'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default('Aura CRM <no-reply@aura.localhost>'),
  /** '1' serves the local outbox listing (reset links, invitations, codes) to anyone; `npm start` sets it. */
  LOCAL_OUTBOX: z.enum(['0', '1']).default('0'),
  // Requests per minute (NFR-S7): per signed-in user, and per client IP on the unauthenticated auth
  // endpoints, stricter for login and password reset. Raised for load tests, lowered in some unit tests.
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_AUTH_IP_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_RESET_PER_MINUTE: z.coerce.number().int().positive().default(5),
  /** Consecutive failed logins an account gets before it must wait (ADR 0147); raised in timing tests. */
  LOGIN_BACKOFF_AFTER_FAILURES: z.coerce.number().int().positive().default(5),
  /** Secure cookies need https; unset, they are on in production unless the root domain is localhost. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  // Node only: at most API_MAX_IN_FLIGHT API requests run at once; up to API_MAX_QUEUE more wait at most
  // API_MAX_WAIT_MS, the rest get 503 + Retry-After. API_MAX_IN_FLIGHT=0 turns it off (middleware/shed-load.ts).
  API_MAX_IN_FLIGHT: z.coerce.number().int().nonnegative().default(64),
  API_MAX_QUEUE: z.coerce.number().int().nonnegative().default(2000),
  API_MAX_WAIT_MS: z.coerce.number().int().nonnegative().default(500),
  // Bounded waits on the database (db/limits.ts, ADR 0094): a request's statement, its lock waits, and the
  // wait for a pooled connection. Unset: 5 s, 2 s and 5 s. 0 turns one off.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().nonnegative().optional(),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().nonnegative().optional(),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().nonnegative().optional(),
})

export type Config = z.infer<typeof ZConfig> & { cookieSecure: boolean }

/** The database limits the config asks for; unset ones take db/limits.ts's defaults. */
export function databaseLimits(config: Config): Partial<DatabaseLimits> {
  return {
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DATABASE_LOCK_TIMEOUT_MS,
    acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
  }
}

export function parseConfig(env: Record<string, unknown>): Config {
  const config = ZConfig.parse(env)
  const localhost = config.ROOT_DOMAIN === 'localhost' || config.ROOT_DOMAIN.endsWith('.localhost')
  const cookieSecure = config.COOKIE_SECURE
    ? config.COOKIE_SECURE === 'true'
    : config.NODE_ENV === 'production' && !localhost
  return { ...config, cookieSecure }
}
