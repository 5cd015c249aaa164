// A workspace admin asks for their whole workspace to be deleted (GDPR art. 17 for the customer, NFR-D3,
// issue 15, ADR 0173). It follows the operator's deletion (ADR 0040) exactly, through the same service: the
// workspace closes at once (every session and API token revoked, its host answers 404) and the hourly purge
// hard-deletes it when `retention_days` (Settings → Workspace) have passed, its audit trail kept 12 months in
// the platform archive (ADR 0093). The request is audited in the tenant's and the platform's audit logs.
import { type Db, schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { deleteTenant } from '../platform/delete-tenant.ts'
import type { TDeleteWorkspace } from './privacy.inputs.ts'

/**
 * Checked in the admin's own tenant transaction first (its binding also settles a step-up that this instance
 * had not seen yet, ADR 0110): the typed address must be this workspace's. Answers the retention that applies.
 */
export async function checkWorkspaceDeletion(tx: Tx, { input }: { input: TDeleteWorkspace }) {
  const [tenant] = await tx
    .select({ slug: schema.tenants.slug, retentionDays: schema.tenants.retentionDays })
    .from(schema.tenants)
    .limit(1)
  if (!tenant) throw notFound('Workspace')
  if (input.confirm.toLowerCase() !== tenant.slug) {
    throw new AppError('validation_failed', 'Type the workspace address to confirm', {
      errors: [{ field: 'confirm', message: `Must be ${tenant.slug}` }],
    })
  }
  return tenant
}

/** Deletes the actor's workspace as the operator's console would (deleteTenant, one platform transaction). */
export async function deleteOwnWorkspace(db: Db, { actor, slug }: { actor: Actor; slug: string }) {
  const deleted = await deleteTenant(db, {
    tenantId: actor.tenantId,
    confirm: slug,
    actorUserId: actor.userId,
    requestId: actor.requestId,
  })
  return { slug: deleted.slug, status: deleted.status, purgeAfter: deleted.purgeAfter }
}
