import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts'
import { assertValidParent } from './assert-valid-parent.ts'
import type { OrganizationInput } from './create-organization.ts'
import { loadOrganization } from './organization-view.ts'

/** Partial update; customFields is a patch over the stored values (null removes a key). */
export async function updateOrganization(
  tx: Tx,
  { actor, id, patch }: { actor: Actor; id: string; patch: Partial<OrganizationInput> },
) {
  const o = schema.organizations
  const [current] = await tx
    .select()
    .from(o)
    .where(and(eq(o.tenantId, actor.tenantId), eq(o.id, id), isNull(o.deletedAt)))
    .for('update')
  if (!current) throw notFound('Organization')
  if (patch.parentId)
    await assertValidParent(tx, { tenantId: actor.tenantId, parentId: patch.parentId, selfId: id })
  const { customFields: cfPatch, ...fields } = patch
  const customFields =
    cfPatch === undefined
      ? undefined
      : await validateCustomFields(tx, {
          tenantId: actor.tenantId,
          entity: 'organization',
          values: cfPatch,
          existing: current.customFields,
        })
  await tx
    .update(o)
    .set({ ...fields, ...(customFields ? { customFields } : {}) })
    .where(and(eq(o.tenantId, actor.tenantId), eq(o.id, id)))
  const changed = Object.keys(patch)
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'organization.updated',
    actorUserId: actor.userId,
    entityType: 'organization',
    entityId: id,
    before: pick(current, changed),
    after: { ...fields, ...(customFields ? { customFields } : {}) },
    requestId: actor.requestId,
  })
  const org = await loadOrganization(tx, actor.tenantId, id)
  if (!org) throw notFound('Organization')
  return org
}

const pick = (row: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k] ?? null]))
