// The idempotency_keys rows behind the Idempotency-Key header (ADR 0130). Every function takes the
// request's tenant transaction: a key is claimed, answered and committed together with the create itself.
import type { Tx } from '@aura/db'
import { sql } from 'drizzle-orm'
import { pgError } from '../../lib/db-errors.ts'
import { AppError } from '../../lib/problem.ts'

/** How long a key replays its first answer; older keys are ignored, then purged. */
export const KEY_LIFETIME = '24 hours'

export interface KeyRef {
  tenantId: string
  userId: string
  key: string
}

export interface StoredAnswer {
  requestHash: string
  status: number | null
  responseBody: string | null
  contentType: string | null
  location: string | null
}

type Rows<T> = { rows: T[] }

/**
 * Claims the key for this request: true when it is new (or its previous use expired). A concurrent claim of
 * the same key waits here on the primary key until the other transaction ends, then sees its outcome. The
 * wait is the request's lock limit (ADR 0094, 2 s unless configured): past it the client is told to retry
 * (409 + Retry-After) rather than holding a connection indefinitely.
 */
export async function claimKey(tx: Tx, ref: KeyRef, requestHash: string): Promise<boolean> {
  try {
    const claimed = (await tx.execute(sql`insert into idempotency_keys (tenant_id, user_id, key, request_hash)
      values (${ref.tenantId}::uuid, ${ref.userId}::uuid, ${ref.key}, ${requestHash})
      on conflict (tenant_id, user_id, key) do update set request_hash = excluded.request_hash,
        status = null, response_body = null, content_type = null, location = null, created_at = now()
      where idempotency_keys.created_at <= now() - ${KEY_LIFETIME}::interval
      returning 1 as claimed`)) as unknown as Rows<{ claimed: number }>
    return claimed.rows.length > 0
  } catch (err) {
    if (pgError(err)?.code === '55P03') {
      throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running', {
        headers: { 'Retry-After': '1' },
      })
    }
    throw err
  }
}

/** The committed answer of an earlier request with this key (visible to its own user only, by policy). */
export async function storedAnswer(tx: Tx, ref: KeyRef): Promise<StoredAnswer | null> {
  const found = await tx.execute(sql`select request_hash as "requestHash", status,
      response_body as "responseBody", content_type as "contentType", location
    from idempotency_keys
    where tenant_id = ${ref.tenantId}::uuid and user_id = ${ref.userId}::uuid and key = ${ref.key}`)
  return (found as unknown as Rows<StoredAnswer>).rows[0] ?? null
}

/** Records the answer to a claimed key, in the transaction that is about to commit the create. */
export async function answerKey(
  tx: Tx,
  ref: KeyRef,
  answer: { status: number; body: string; contentType: string | null; location: string | null },
): Promise<void> {
  await tx.execute(sql`update idempotency_keys set status = ${answer.status}, response_body = ${answer.body},
      content_type = ${answer.contentType}, location = ${answer.location}
    where tenant_id = ${ref.tenantId}::uuid and user_id = ${ref.userId}::uuid and key = ${ref.key}`)
}

/** Deletes keys past their lifetime, across tenants: part of the scheduled purge (maintenance path). */
export async function purgeExpiredKeys(tx: Tx, now: Date = new Date()): Promise<number> {
  const deleted = (await tx.execute(sql`delete from idempotency_keys
    where created_at <= ${now.toISOString()}::timestamptz - ${KEY_LIFETIME}::interval
    returning 1 as purged`)) as unknown as Rows<unknown>
  return deleted.rows.length
}
