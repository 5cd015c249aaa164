import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit, recordPlatformAudit } from '../audit/record-audit.ts'
import { forgetTenant } from '../tenants/resolve-tenant.ts'
import { toTenant } from './list-tenants.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export interface DeleteTenantInput {
  tenantId: string
  /** The workspace's slug typed again: a guard against deleting the wrong row from a list. */
  confirm: string
  actorUserId: string
  requestId?: string
}

/**
 * F1.8: deletion archives first. The workspace disappears (its host answers 404), every session and API
 * token is revoked, and purgeDeletedTenants hard-deletes it once retention_days have passed. The data
 * export (GET /export, next issue) is how a customer takes their data out before asking for this.
 */
export async function deleteTenant(db: Db, input: DeleteTenantInput) {
  const { tenants, sessions, apiTokens } = schema
  const result = await withPlatform(
    db,
    'platform-console',
    async (tx) => {
      const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update')
      if (!tenant) throw notFound('Workspace')
      if (input.confirm !== tenant.slug)
        throw new AppError('validation_failed', 'Type the workspace address to confirm', {
          errors: [{ field: 'confirm', message: `Must be ${tenant.slug}` }],
        })
      if (tenant.status === 'deleted') throw new AppError('conflict', 'This workspace is already deleted')
      const now = new Date()
      const purgeAfter = new Date(now.getTime() + tenant.retentionDays * DAY_MS)
      const [deleted] = await tx
        .update(tenants)
        .set({ status: 'deleted', deletedAt: now, purgeAfter })
        .where(eq(tenants.id, tenant.id))
        .returning()
      if (!deleted) throw notFound('Workspace')
      const revokedSessions = await tx
        .delete(sessions)
        .where(eq(sessions.tenantId, tenant.id))
        .returning({ id: sessions.id })
      const revokedTokens = await tx
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.tenantId, tenant.id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id })
      const details = {
        from: tenant.status,
        purgeAfter: purgeAfter.toISOString(),
        sessionsRevoked: revokedSessions.length,
        tokensRevoked: revokedTokens.length,
      }
      const entry = { action: 'tenant.deleted', actorUserId: input.actorUserId, requestId: input.requestId }
      await recordPlatformAudit(tx, { ...entry, targetTenantId: tenant.id, details })
      await recordAudit(tx, {
        ...entry,
        tenantId: tenant.id,
        entityType: 'tenant',
        entityId: tenant.id,
        after: details,
      })
      return toTenant(deleted)
    },
    input.actorUserId,
  )
  // This instance stops serving the old state at once; others within the tenant cache's TTL.
  forgetTenant(db, input.tenantId)
  return result
}
