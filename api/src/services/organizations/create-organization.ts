import { schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts'
import { assertValidParent } from './assert-valid-parent.ts'
import { loadOrganization } from './organization-view.ts'

export interface OrganizationInput {
  name: string
  parentId?: string | null
  size?: string | null
  industry?: string | null
  location?: string | null
  website?: string | null
  customFields?: Record<string, unknown>
}

export async function createOrganization(
  tx: Tx,
  { actor, input }: { actor: Actor; input: OrganizationInput },
) {
  if (input.parentId) await assertValidParent(tx, { tenantId: actor.tenantId, parentId: input.parentId })
  const customFields = await validateCustomFields(tx, {
    tenantId: actor.tenantId,
    entity: 'organization',
    values: input.customFields,
  })
  const [row] = await tx
    .insert(schema.organizations)
    .values({ ...input, tenantId: actor.tenantId, customFields })
    .returning({ id: schema.organizations.id })
  if (!row) throw new Error('insert returned no row')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'organization.created',
    actorUserId: actor.userId,
    entityType: 'organization',
    entityId: row.id,
    after: { name: input.name, parentId: input.parentId ?? null },
    requestId: actor.requestId,
  })
  const org = await loadOrganization(tx, actor.tenantId, row.id)
  if (!org) throw new Error('created organization not readable')
  return org
}
