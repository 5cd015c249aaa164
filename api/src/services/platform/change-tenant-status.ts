import { type Db, schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit, recordPlatformAudit } from '../audit/record-audit.ts'
import { forgetTenant } from '../tenants/resolve-tenant.ts'
import { toTenant } from './list-tenants.ts'

export interface ChangeTenantStatusInput {
  tenantId: string
  to: 'suspended' | 'active'
  actorUserId: string
  requestId?: string
}

/**
 * F1.9: suspend or resume a workspace. Suspension keeps every row and every session; the site middleware
 * refuses all requests to a suspended host (403 tenant_suspended), so resuming restores access as it was.
 */
export async function changeTenantStatus(db: Db, input: ChangeTenantStatusInput) {
  const { tenants } = schema
  const from = input.to === 'suspended' ? 'active' : 'suspended'
  const action = input.to === 'suspended' ? 'tenant.suspended' : 'tenant.resumed'
  const result = await withPlatform(
    db,
    'platform-console',
    async (tx) => {
      const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update')
      if (!tenant) throw notFound('Workspace')
      if (tenant.status !== from)
        throw new AppError(
          'conflict',
          `Only a ${from} workspace can be ${input.to}; this one is ${tenant.status}`,
        )
      const [changed] = await tx
        .update(tenants)
        .set({ status: input.to, suspendedAt: input.to === 'suspended' ? new Date() : null })
        .where(eq(tenants.id, tenant.id))
        .returning()
      if (!changed) throw notFound('Workspace')
      const entry = { action, actorUserId: input.actorUserId, requestId: input.requestId }
      await recordPlatformAudit(tx, { ...entry, targetTenantId: tenant.id, details: { from, to: input.to } })
      await recordAudit(tx, {
        ...entry,
        tenantId: tenant.id,
        entityType: 'tenant',
        entityId: tenant.id,
        before: { status: from },
        after: { status: input.to },
      })
      return toTenant(changed)
    },
    input.actorUserId,
  )
  // This instance stops serving the old state at once; others within the tenant cache's TTL.
  forgetTenant(db, input.tenantId)
  return result
}
