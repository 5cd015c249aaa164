import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, inArray, lte, sql } from 'drizzle-orm'
import { recordPlatformAudit } from '../audit/record-audit.ts'
import { purgeExpiredKeys } from '../idempotency/idempotency-keys.ts'

/** F14.4: an audit entry is kept at least this long, whatever happens to its workspace. */
export const AUDIT_RETENTION = '12 months'

/**
 * F1.8: hard-deletes workspaces whose retention period has passed. Their audit entries younger than 12
 * months are first copied to audit_log_archive (F14.4: a workspace's retention can be a day, the audit
 * trail's is a year); the tenant row's delete then cascades to every tenant table. app.purge = 'on' is the
 * one switch the append-only guard accepts (from a role other than crm_app). Archived entries past their
 * retention are deleted in the same run. What remains of a workspace is the platform audit row saying it
 * was purged. Idempotency keys past their 24 h are deleted too (ADR 0130): the same job, so both runtimes'
 * schedulers (wrangler cron, the Node timer in web/server/boot.ts) cover them. Meant for the scheduled job;
 * `now` lets tests move time.
 */
export async function purgeDeletedTenants(db: Db, now: Date = new Date()) {
  const { tenants } = schema
  return withPlatform(db, 'maintenance', async (tx) => {
    await tx.execute(sql`select set_config('app.purge', 'on', true)`)
    const due = await tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(eq(tenants.status, 'deleted'), lte(tenants.purgeAfter, now)))
      .for('update')
    const ids = due.map((t) => t.id)
    if (ids.length > 0) await archiveAuditTrail(tx, ids, now)
    const purged =
      ids.length === 0
        ? []
        : await tx
            .delete(tenants)
            .where(inArray(tenants.id, ids))
            .returning({ id: tenants.id, slug: tenants.slug, deletedAt: tenants.deletedAt })
    for (const t of purged) {
      await recordPlatformAudit(tx, {
        action: 'tenant.purged',
        targetTenantId: t.id,
        details: { slug: t.slug, deletedAt: t.deletedAt?.toISOString() ?? null },
      })
    }
    await tx.delete(schema.auditLogArchive).where(lte(schema.auditLogArchive.retainUntil, now))
    await purgeExpiredKeys(tx, now)
    return purged.map((t) => ({ id: t.id, slug: t.slug }))
  })
}

type Tx = Parameters<Parameters<typeof withPlatform>[2]>[0]

/** Copies the audit entries of `tenantIds` still within retention into the platform archive. */
async function archiveAuditTrail(tx: Tx, tenantIds: string[], now: Date) {
  await tx.execute(sql`
    insert into audit_log_archive (id, archived_tenant_id, tenant_slug, actor_user_id, action, entity_type,
      entity_id, before, after, ip, request_id, created_at, retain_until)
    select a.id, a.tenant_id, t.slug, a.actor_user_id, a.action, a.entity_type, a.entity_id, a.before,
      a.after, a.ip, a.request_id, a.created_at, a.created_at + ${AUDIT_RETENTION}::interval
    from audit_log a join tenants t on t.id = a.tenant_id
    where a.tenant_id in (${sql.join(
      tenantIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and a.created_at + ${AUDIT_RETENTION}::interval > ${now}`)
}
