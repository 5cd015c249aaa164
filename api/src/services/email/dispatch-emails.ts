// The outbox dispatcher: claim due rows (FOR UPDATE SKIP LOCKED, so concurrent dispatchers never take
// the same row), send outside the claiming transaction, then record the outcome. A claim is a lease:
// a dispatcher that dies mid-send (or between the send and recording it) leaves the row 'sending' until
// the lease ends, under a minute, then it is retried; the provider's idempotency key (the outbox id)
// keeps that retry from delivering twice.
import { type Db, schema, withPlatform } from '@aura/db'
import { and, asc, eq, inArray, lte, or } from 'drizzle-orm'
import type { EmailTransport } from '../../lib/email/transport.ts'
import type { Logger } from '../../lib/logger.ts'

export const MAX_ATTEMPTS = 8
/** Long enough for a send (the SDK's request), short enough that a crash delays mail by under a minute. */
export const LEASE_MS = 45_000
const ERROR_MAX = 500

/** 1 min · 2^(attempts−1), capped at 1 hour: after the 1st failure 1 min, then 2, 4, … 60. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000)
}

export interface DispatchResult {
  sent: number
  failed: number
}

export async function dispatchEmails(
  db: Db,
  transport: EmailTransport,
  opts: { limit?: number; now?: Date; logger?: Logger } = {},
): Promise<DispatchResult> {
  const now = opts.now ?? new Date()
  const { emailOutbox: o } = schema
  const claimed = await withPlatform(db, 'email-dispatch', async (tx) => {
    const due = await tx
      .select({ id: o.id })
      .from(o)
      .where(and(or(eq(o.status, 'pending'), eq(o.status, 'sending')), lte(o.nextAttemptAt, now)))
      .orderBy(asc(o.nextAttemptAt))
      .limit(opts.limit ?? 20)
      .for('update', { skipLocked: true })
    if (due.length === 0) return []
    return tx
      .update(o)
      .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          o.id,
          due.map((r) => r.id),
        ),
      )
      .returning()
  })

  const result: DispatchResult = { sent: 0, failed: 0 }
  for (const row of claimed) {
    const email = { id: row.id, to: row.toAddress, subject: row.subject, html: row.html, text: row.text }
    try {
      const { providerId } = await transport.send({ ...email, template: row.template })
      await withPlatform(db, 'email-dispatch', (tx) =>
        tx
          .update(o)
          .set({ status: 'sent', sentAt: new Date(), providerId, lastError: null })
          .where(eq(o.id, row.id)),
      )
      result.sent++
    } catch (err) {
      const attempts = row.attempts + 1
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, ERROR_MAX)
      const giveUp = attempts >= MAX_ATTEMPTS
      await withPlatform(db, 'email-dispatch', (tx) =>
        tx
          .update(o)
          .set({
            status: giveUp ? 'failed' : 'pending',
            attempts,
            lastError,
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          })
          .where(eq(o.id, row.id)),
      )
      // The error text may echo the recipient; only ids and counts reach the log.
      opts.logger?.warn('email delivery failed', { outboxId: row.id, attempts, gaveUp: giveUp })
      result.failed++
    }
  }
  return result
}
