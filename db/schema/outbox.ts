// Transactional email outbox: one table for tenant and root-domain mail. tenant_id is NULL for root-domain
// mail (signup verification, platform notices). crm_app may only enqueue (and read back) its own tenant's
// rows; the dispatcher, which crosses tenants, runs as crm_platform ('email-dispatch').
import { sql } from 'drizzle-orm'
import { check, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { inTenant, policies } from './_rls.ts'
import { tenants } from './tenants.ts'

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed'])

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** Template name, e.g. 'invitation', 'password-reset'; for logs and the local outbox page. */
    template: text('template').notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamptz('sent_at'),
    providerId: text('provider_id'),
    ...auditColumns(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('email_outbox_tenant_id_created_at_idx').on(t.tenantId, t.createdAt.desc()),
    index('email_outbox_created_at_idx').on(t.createdAt.desc()),
    check('email_outbox_attempts_non_negative', sql`attempts >= 0`),
    ...policies({
      table: 'email_outbox',
      noun: 'outgoing emails',
      who: 'their tenant',
      commands: ['select', 'insert'],
      condition: inTenant,
      why: 'A tenant transaction enqueues mail for itself in the same commit as the change; root-domain mail (NULL tenant) and delivery are platform work.',
    }),
  ],
)
