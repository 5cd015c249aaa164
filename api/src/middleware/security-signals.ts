// Refusals that say something about the caller become security events (F5.6, ADR 0141), from the one place
// every refusal passes (onError):
//   - the database refusing a row under RLS or a missing grant (SQLSTATE 42501): our code asked for
//     something the policies forbid, so an attacker found a path the API's own checks missed;
//   - a burst of ids that do not exist (NOT_FOUND_BURST in a minute from one user): someone is guessing.
//     Counted in the shared fixed-window counters (rate_limit_counters), so every instance adds to the
//     same count and exactly one request, the one that reaches the threshold, records the event.
import type { Context } from 'hono'
import type { AppEnv } from '../context.ts'
import { pgError } from '../lib/db-errors.ts'
import { tryRecordSecurityEvent } from '../services/audit/record-security-event.ts'
import { PostgresRateLimitStore } from './rate-limit-store.ts'

export const NOT_FOUND_BURST = 20
const WINDOW_MS = 60_000

/** Postgres' "insufficient privilege": a row-level security policy or a grant refused the statement. */
export const isPrivilegeRefusal = (err: unknown) => pgError(err)?.code === '42501'

function where(c: Context<AppEnv>) {
  const site = c.get('site')
  return {
    deps: c.get('deps'),
    tenantId: site?.kind === 'tenant' ? site.tenant.id : null,
    userId: c.get('auth')?.userId ?? null,
    details: { method: c.req.method, path: new URL(c.req.url).pathname },
  }
}

export async function notePrivilegeRefusal(c: Context<AppEnv>, err: Error) {
  const { deps, tenantId, userId, details } = where(c)
  if (!deps) return
  const detail = (pgError(err) as { message?: string } | null)?.message ?? err.message
  await tryRecordSecurityEvent(deps.db, c.get('log'), {
    action: 'security.rls_violation',
    tenantId,
    actorUserId: userId,
    details: { ...details, refusal: detail.slice(0, 200) },
    requestId: c.get('requestId'),
  })
}

/**
 * Users whose burst this instance has already seen in the current window (user → window start): their
 * further 404s in it count nothing, so a probe costs at most NOT_FOUND_BURST counter writes a minute per
 * instance instead of one per guess.
 */
const burstSeen = new Map<string, number>()
const MAX_SEEN = 10_000

export async function noteNotFound(c: Context<AppEnv>) {
  const { deps, tenantId, userId, details } = where(c)
  if (!deps || !tenantId || !userId) return
  const window = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS
  if (burstSeen.get(userId) === window) return
  const windowStart = new Date(window)
  let count: number
  try {
    count = await new PostgresRateLimitStore(deps.db).reserve(`not-found:${userId}`, windowStart, 1)
  } catch {
    return // the 404 stands without its count; the database trouble shows on the next request
  }
  if (count >= NOT_FOUND_BURST) {
    if (burstSeen.size >= MAX_SEEN) burstSeen.clear()
    burstSeen.set(userId, window)
  }
  if (count !== NOT_FOUND_BURST) return
  await tryRecordSecurityEvent(deps.db, c.get('log'), {
    action: 'security.not_found_burst',
    tenantId,
    actorUserId: userId,
    details: { ...details, notFoundInAMinute: NOT_FOUND_BURST, since: windowStart.toISOString() },
    requestId: c.get('requestId'),
  })
}
