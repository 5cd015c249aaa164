// Audit trails. audit_log is per tenant (F14.3–F14.5); platform_audit_log records cross-tenant and
// platform events (signup, activation, suspension, cross-tenant attempts). Both are append-only: no
// UPDATE/DELETE grant and a trigger refusing them (rls_grants_triggers).
import { sql } from 'drizzle-orm'
import { index, inet, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, isAdmin, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    tenantId: tenantId(),
    actorUserId: uuid('actor_user_id'),
    /** Dotted verb, e.g. 'deal.stage_changed', 'user.role_changed', 'auth.login_failed'. */
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: inet('ip'),
    requestId: text('request_id'),
    ...auditColumns(),
  },
  (t) => [
    unique('audit_log_tenant_id_id_key').on(t.tenantId, t.id),
    index('audit_log_tenant_id_created_at_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    index('audit_log_tenant_id_entity_idx').on(t.tenantId, t.entityType, t.entityId, t.createdAt.desc()),
    index('audit_log_tenant_id_action_idx').on(t.tenantId, t.action, t.createdAt.desc()),
    index('audit_log_tenant_id_actor_idx').on(t.tenantId, t.actorUserId, t.createdAt.desc()),
    ...policies({
      table: 'audit_log',
      noun: 'audit entries',
      who: 'tenant admins and their actor',
      commands: ['select'],
      condition: sql`${inTenant} and (${isAdmin} or actor_user_id = ${currentUserId})`,
      why: 'Admins read their tenant’s audit log (F14.5); a member may see the entries they caused.',
    }),
    ...policies({
      table: 'audit_log',
      noun: 'audit entries',
      who: 'any context of their tenant',
      commands: ['insert'],
      condition: inTenant,
      why: 'Every write in a tenant, even unauthenticated ones such as failed logins, can record itself; never for another tenant.',
    }),
  ],
)

export const platformAuditLog = pgTable(
  'platform_audit_log',
  {
    id: id(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    targetTenantId: uuid('target_tenant_id'),
    targetUserId: uuid('target_user_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: inet('ip'),
    requestId: text('request_id'),
    ...auditColumns(),
  },
  (t) => [
    index('platform_audit_log_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    index('platform_audit_log_target_tenant_idx').on(t.targetTenantId, t.createdAt.desc()),
    index('platform_audit_log_action_idx').on(t.action, t.createdAt.desc()),
  ],
).enableRLS()

/**
 * F14.4: audit entries are kept at least 12 months, even when their workspace is purged earlier (its
 * retention can be one day). The purge copies the tenant's audit_log here first; the scheduled job deletes
 * rows past `retain_until`. A platform table: crm_platform reads and writes it, crm_app has no grant and
 * RLS (enabled, no policy) refuses it anything. Append-only like audit_log (trigger, TRUNCATE too).
 */
export const auditLogArchive = pgTable(
  'audit_log_archive',
  {
    /** The archived audit_log row's own id. */
    id: uuid('id').primaryKey(),
    /** The purged tenant (no foreign key: the tenant row is gone). */
    archivedTenantId: uuid('archived_tenant_id').notNull(),
    tenantSlug: text('tenant_slug').notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: inet('ip'),
    requestId: text('request_id'),
    createdAt: timestamptz('created_at').notNull(),
    archivedAt: timestamptz('archived_at').notNull().defaultNow(),
    retainUntil: timestamptz('retain_until').notNull(),
  },
  (t) => [
    index('audit_log_archive_tenant_created_at_idx').on(t.archivedTenantId, t.createdAt.desc()),
    index('audit_log_archive_retain_until_idx').on(t.retainUntil),
  ],
).enableRLS()
