// Per-account login backoff, on top of the per-IP limit (issue 11, ADR 0147). After `free` (config
// LOGIN_BACKOFF_AFTER_FAILURES, 5) consecutive failures on one email address the account waits before its next attempt, the wait doubling
// per further failure up to MAX_WAIT_MS. Attempts during the wait are refused without checking the
// password and without counting, so hammering does not extend it; a success or a password reset clears it,
// and the reset link is never throttled by it: an attacker can slow a victim's logins, not lock them out.
import { type Db, schema, type Tx, withPlatform } from '@aura/db'
import { eq, sql } from 'drizzle-orm'

const FIRST_WAIT_MS = 1_000
export const MAX_WAIT_MS = 15 * 60_000
/** Failures older than this are forgotten: a few typos a month never add up to a lock. */
const FORGET_AFTER_MS = 24 * 60 * 60_000

const b = schema.loginBackoff

/** Unknown addresses count like known ones, so the answers say nothing about which exist. */
const accountOf = (email: string) => email.trim().toLowerCase()

export const waitAfter = (failures: number, free: number) =>
  failures < free ? 0 : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - free))

/** How long this account must still wait (0: it may try), and whether it has failures to clear. */
export async function loginWait(db: Db, email: string, now: Date) {
  const [row] = await withPlatform(db, 'authenticate', (tx) =>
    tx
      .select()
      .from(b)
      .where(eq(b.account, accountOf(email))),
  )
  const waitMs = row?.lockedUntil ? Math.max(0, row.lockedUntil.getTime() - now.getTime()) : 0
  return { waitMs, hasFailures: (row?.failures ?? 0) > 0 }
}

export async function recordLoginFailure(
  db: Db,
  { email, now, free }: { email: string; now: Date; free: number },
): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS)
  await withPlatform(db, 'authenticate', async (tx) => {
    const [row] = await tx
      .insert(b)
      .values({ account: accountOf(email), failures: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: b.account,
        set: {
          failures: sql`case when ${b.updatedAt} < ${forgetBefore} then 1 else ${b.failures} + 1 end`,
          updatedAt: now,
        },
      })
      .returning({ failures: b.failures })
    const wait = waitAfter(row?.failures ?? 1, free)
    if (wait > 0)
      await tx
        .update(b)
        .set({ lockedUntil: new Date(now.getTime() + wait) })
        .where(eq(b.account, accountOf(email)))
  })
}

/** Inside a password reset's transaction (the privileged path). */
export async function clearLoginBackoff(tx: Tx, email: string): Promise<void> {
  await tx.delete(b).where(eq(b.account, accountOf(email)))
}

export const clearAfterLogin = (db: Db, email: string) =>
  withPlatform(db, 'authenticate', (tx) => clearLoginBackoff(tx, email))
