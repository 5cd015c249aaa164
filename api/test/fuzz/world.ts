// The fuzzer's world: a workspace with one member per role and a record of each kind for valid requests to
// reach, a second workspace whose ids are the "foreign" ones, a platform admin, and throwaway targets for
// the operations that would otherwise lock the fuzzer out (deactivating a member, deleting a tenant).
import { createContact, createDeal, createOrganization, createUser } from '@aura/db/seed/index'
import { type createTestApi, jsonBody } from '../harness.ts'
import { signInPlatformAdmin } from '../platform.ts'
import { createWorkspace, elevate } from '../workspace.ts'
import type { IdPool } from './values.ts'

type TestApi = Awaited<ReturnType<typeof createTestApi>>

export async function fuzzWorld(api: TestApi) {
  const ws = await createWorkspace(api)
  const other = await createWorkspace(api)
  const victim = await createWorkspace(api)
  const ops = await signInPlatformAdmin(api)
  await elevate(api, ws.admin)
  const tenantId = ws.tenant.id
  const org = await createOrganization(api.db, { tenantId })
  const contact = await createContact(api.db, { tenantId, assignedUserId: ws.rep.id, organizationId: org.id })
  const deal = await createDeal(api.db, { tenantId, assignedUserId: ws.rep.id, contactId: contact.id })
  const spare = await createUser(api.db, { tenantId, role: 'rep' })
  const { process, stages } = ws.defaults.defaultProcess
  const product = ws.defaults.products[0]?.product.id ?? deal.id
  const foreignDeal = await createDeal(api.db, { tenantId: other.tenant.id })
  const post = async (path: string, body: unknown) => {
    const res = await ws.as(ws.admin, path, jsonBody(body))
    if (res.status !== 201) throw new Error(`fuzz world: POST ${path} → ${res.status}`)
    return (await res.json()) as Record<string, { id: string } | string>
  }
  const line = (await post(`/deals/${deal.id}/line-items`, { productId: product, quantity: 1 })).line as {
    id: string
  }
  const activity = await post(`/contacts/${contact.id}/activities`, { type: 'call', description: 'Fuzz' })
  const field = await post('/custom-fields', { entity: 'deal', key: 'fuzz', label: 'Fuzz', type: 'text' })

  const byField: Record<string, string> = {
    processId: process.id,
    stageId: stages[0]?.id ?? process.id,
    moveTo: stages[1]?.id ?? process.id,
    contactId: contact.id,
    organizationId: org.id,
    parentId: org.id,
    dealId: deal.id,
    productId: product,
    assignedUserId: ws.rep.id,
    participantUserId: ws.rep.id,
    actor: ws.rep.id,
    entityId: deal.id,
  }
  const ids: IdPool = (name) => byField[name] ?? deal.id
  /** The id a path parameter stands for, by the segment before it. */
  const pathId = (resource: string, param: string) => {
    if (param === 'stageId') return byField.stageId as string
    if (param === 'lineId') return line.id
    const byResource: Record<string, string> = {
      deals: deal.id,
      contacts: contact.id,
      organizations: org.id,
      products: product,
      processes: process.id,
      users: spare.id,
      tenants: victim.tenant.id,
      accounts: victim.tenant.id,
      activities: String(activity.id),
      'custom-fields': String(field.id),
    }
    return byResource[resource] ?? '00000000-0000-4000-8000-000000000001'
  }
  return { ws, ops, ids, pathId, foreign: [foreignDeal.id, other.rep.id, other.tenant.id] }
}
