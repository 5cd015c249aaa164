// The writes a credential's use calls for, kept off the read path (ADR 0110): an API token's last_used_at
// at most once a minute, a session's 30-day sliding expiry once it is half used (lucia's rule). Each runs
// after the request's own transactions, in its own short transaction, and never waits for a row another
// request has locked (SKIP LOCKED): a concurrent request of the same user is already doing it.
import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm'

export const TOKEN_TOUCH_INTERVAL_MS = 60_000
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60_000
/** lucia's sliding expiry: a session is extended once less than half of its lifetime is left. */
export const SESSION_RENEW_WITHIN_MS = SESSION_LIFETIME_MS / 2

const RECENT_MAX = 10_000
// Per database handle: tokens this instance touched (or is touching) in the last interval, so the
// parallel calls of one page do not each open a transaction that would find nothing to do.
const recentTouches = new WeakMap<Db, Map<string, number>>()

function claimTouch(db: Db, tokenHash: string, now: number): boolean {
  let recent = recentTouches.get(db)
  if (!recent) {
    recent = new Map()
    recentTouches.set(db, recent)
  }
  const last = recent.get(tokenHash)
  if (last !== undefined && now - last < TOKEN_TOUCH_INTERVAL_MS) return false
  if (recent.size >= RECENT_MAX) {
    for (const [hash, at] of recent) if (now - at >= TOKEN_TOUCH_INTERVAL_MS) recent.delete(hash)
    if (recent.size >= RECENT_MAX) recent.clear()
  }
  recent.set(tokenHash, now)
  return true
}

/** Records that a token was used, unless the database already says so for the last minute. */
export async function touchToken(
  db: Db,
  { tokenHash, lastUsedAt, now = Date.now() }: { tokenHash: string; lastUsedAt: Date | null; now?: number },
) {
  if (lastUsedAt && now - lastUsedAt.getTime() < TOKEN_TOUCH_INTERVAL_MS) return
  if (!claimTouch(db, tokenHash, now)) return
  const t = schema.apiTokens
  const stale = or(isNull(t.lastUsedAt), lt(t.lastUsedAt, new Date(now - TOKEN_TOUCH_INTERVAL_MS)))
  await withPlatform(db, 'authenticate', (tx) =>
    tx
      .update(t)
      .set({ lastUsedAt: new Date(now) })
      .where(
        inArray(
          t.id,
          tx
            .select({ id: t.id })
            .from(t)
            .where(and(eq(t.tokenHash, tokenHash), stale))
            .for('update', { skipLocked: true }),
        ),
      ),
  )
}

/** The session's new expiry when it was due for renewal (the caller sends a fresh cookie), else null. */
export async function renewSession(
  db: Db,
  { sessionHash, expiresAt, now = Date.now() }: { sessionHash: string; expiresAt: Date | null; now?: number },
): Promise<Date | null> {
  if (!expiresAt || expiresAt.getTime() - now > SESSION_RENEW_WITHIN_MS) return null
  const s = schema.sessions
  const renewed = new Date(now + SESSION_LIFETIME_MS)
  await withPlatform(db, 'authenticate', (tx) =>
    tx.update(s).set({ expiresAt: renewed }).where(eq(s.id, sessionHash)),
  )
  return renewed
}
