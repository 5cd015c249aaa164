// Idempotency-Key records (ADR 0130): the first successful answer to a creating POST, kept 24 h per tenant,
// user and key so a retry replays it instead of creating twice. Written in the create's own transaction,
// so a row exists exactly when the create committed. A cache of answers, not a record: no audit columns.
import { sql } from 'drizzle-orm'
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { timestamptz } from './_columns.ts'
import { currentUserId, inTenant, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 (hex) of method, path and raw body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** NULL only inside the creating transaction, between the claim and the answer; never committed so. */
    status: integer('status'),
    responseBody: text('response_body'),
    contentType: text('content_type'),
    location: text('location'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.tenantId, t.userId, t.key] }),
    foreignKey({
      name: 'idempotency_keys_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    // The scheduled purge deletes by age across tenants.
    index('idempotency_keys_created_at_idx').on(t.createdAt),
    ...policies({
      table: 'idempotency_keys',
      noun: 'idempotency keys',
      who: 'their own user',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why:
        'A key is private to the user who sent it: replaying another user’s answer would leak it. ' +
        'Update re-claims an expired key; the scheduled purge deletes (crm_platform).',
    }),
  ],
)
