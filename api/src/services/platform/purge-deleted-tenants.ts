import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, lte, sql } from 'drizzle-orm'
import { recordPlatformAudit } from '../audit/record-audit.ts'

/**
 * F1.8: hard-deletes workspaces whose retention period has passed. The tenant row's delete cascades to
 * every tenant table; app.purge = 'on' is the one switch the append-only guard on audit_log accepts
 * (from a role other than crm_app). What remains is the platform audit row saying it happened.
 * Meant for a scheduled job (cron trigger or CLI); `now` is a parameter so tests can move time.
 */
export async function purgeDeletedTenants(db: Db, now: Date = new Date()) {
  const { tenants } = schema
  return withPlatform(db, 'maintenance', async (tx) => {
    await tx.execute(sql`select set_config('app.purge', 'on', true)`)
    const purged = await tx
      .delete(tenants)
      .where(and(eq(tenants.status, 'deleted'), lte(tenants.purgeAfter, now)))
      .returning({ id: tenants.id, slug: tenants.slug, deletedAt: tenants.deletedAt })
    for (const t of purged) {
      await recordPlatformAudit(tx, {
        action: 'tenant.purged',
        targetTenantId: t.id,
        details: { slug: t.slug, deletedAt: t.deletedAt?.toISOString() ?? null },
      })
    }
    return purged.map((t) => ({ id: t.id, slug: t.slug }))
  })
}
