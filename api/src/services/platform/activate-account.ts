import { type Db, schema, withPlatform } from '@aura/db'
import { provisionTenantDefaults } from '@aura/db/seed/provision'
import { and, eq, isNull } from 'drizzle-orm'
import { isUniqueViolation } from '../../lib/db-errors.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit, recordPlatformAudit } from '../audit/record-audit.ts'
import { toTenant } from './list-tenants.ts'

export interface ActivateAccountInput {
  accountId: string
  /** Already a valid, non-reserved DNS label (ZSlug). */
  slug: string
  companyName: string
  actorUserId: string
  requestId?: string
}

const slugTaken = () =>
  new AppError('conflict', 'This workspace address is taken', {
    errors: [{ field: 'slug', message: 'Already in use' }],
  })

/**
 * F1.4/F1.5: turns a signed, verified account into the admin of a new active workspace with the default
 * process and catalogue. One transaction: a failure anywhere leaves no half-provisioned tenant.
 */
export async function activateAccount(db: Db, input: ActivateAccountInput) {
  const { users, tenants } = schema
  try {
    return await withPlatform(
      db,
      'provision-tenant',
      async (tx) => {
        const [account] = await tx
          .select()
          .from(users)
          .where(and(eq(users.id, input.accountId), isNull(users.tenantId), eq(users.isPlatformAdmin, false)))
          .for('update')
        if (!account) throw notFound('Account')
        if (account.contractStatus !== 'signed')
          throw new AppError('unprocessable', 'The contract must be signed before activation')
        if (!account.emailVerifiedAt)
          throw new AppError('unprocessable', 'The account must confirm its email before activation')
        const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug))
        if (taken) throw slugTaken()
        const now = new Date()
        const [tenant] = await tx
          .insert(tenants)
          .values({ slug: input.slug, companyName: input.companyName, status: 'active', activatedAt: now })
          .returning()
        if (!tenant) throw new Error('insert returned no row')
        await tx.update(users).set({ tenantId: tenant.id, role: 'admin' }).where(eq(users.id, account.id))
        const defaults = await provisionTenantDefaults(tx, tenant.id)
        const details = {
          slug: tenant.slug,
          adminUserId: account.id,
          processId: defaults.defaultProcess.process.id,
        }
        await recordPlatformAudit(tx, {
          action: 'tenant.activated',
          actorUserId: input.actorUserId,
          targetTenantId: tenant.id,
          targetUserId: account.id,
          details,
          requestId: input.requestId,
        })
        await recordAudit(tx, {
          tenantId: tenant.id,
          action: 'tenant.activated',
          actorUserId: input.actorUserId,
          entityType: 'tenant',
          entityId: tenant.id,
          after: { ...details, companyName: tenant.companyName },
          requestId: input.requestId,
        })
        return toTenant(tenant)
      },
      input.actorUserId,
    )
  } catch (err) {
    // Two activations racing for one slug: the unique index decides, the loser hears 409 as above.
    if (isUniqueViolation(err, 'tenants_slug_unique')) throw slugTaken()
    throw err
  }
}
