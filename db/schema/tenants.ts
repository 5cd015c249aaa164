// A tenant is a workspace at <slug>.<root domain> with a lifecycle (F1.10) and metadata (F1.6).
import { sql } from 'drizzle-orm'
import { char, check, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { currentTenantId, isAdmin, policies } from './_rls.ts'

export const tenantStatus = pgEnum('tenant_status', ['prospect', 'pending', 'active', 'suspended', 'deleted'])

export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    status: tenantStatus('status').notNull().default('pending'),
    companyName: text('company_name').notNull(),
    logoUrl: text('logo_url'),
    industry: text('industry'),
    timezone: text('timezone').notNull().default('UTC'),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    /** Days between deletion (archive) and the hard purge (F1.8). */
    retentionDays: integer('retention_days').notNull().default(30),
    activatedAt: timestamptz('activated_at'),
    suspendedAt: timestamptz('suspended_at'),
    deletedAt: timestamptz('deleted_at'),
    purgeAfter: timestamptz('purge_after'),
    ...auditColumns(),
  },
  () => [
    // A DNS label: lowercase letters, digits and inner hyphens, 1–63 characters.
    check('tenants_slug_dns_label', sql`slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`),
    check('tenants_retention_days_non_negative', sql`retention_days >= 0`),
    check('tenants_currency_iso', sql`currency ~ '^[A-Z]{3}$'`),
    ...policies({
      table: 'tenants',
      noun: 'tenants',
      who: 'their own members',
      commands: ['select'],
      condition: sql`id = ${currentTenantId}`,
      why: 'A tenant-bound transaction sees exactly one tenant row: its own. Creation and deletion are platform flows.',
    }),
    ...policies({
      table: 'tenants',
      noun: 'tenants',
      who: 'their own admins',
      commands: ['update'],
      condition: sql`id = ${currentTenantId} and ${isAdmin}`,
      why: 'Only tenant admins edit workspace metadata (F1.7); lifecycle columns are not granted to crm_app.',
    }),
  ],
)

/** The tenant key of every tenant table: NOT NULL, and a platform purge of the tenant cascades. */
export const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' })
