// Two workspaces for the cross-tenant suite: A holds one record of every kind the API addresses by id;
// B is the attacker's workspace with records of its own (so body attacks have valid targets to edit).
import { schema } from '@aura/db'
import {
  createActivity,
  createContact,
  createDeal,
  createLineItem,
  createOrganization,
  createProcess,
  createProduct,
  uniq,
} from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import type { createTestApi } from '../harness.ts'
import { type createWorkspace, elevate, type Member } from '../workspace.ts'

type TestApi = Awaited<ReturnType<typeof createTestApi>>
type Workspace = Awaited<ReturnType<typeof createWorkspace>>

/** Every id the API can be given, of one workspace's records (the rep owns the contact and the deal). */
export async function recordsOf(api: TestApi, ws: Workspace) {
  const db = api.db
  const tenantId = ws.tenant.id
  const stages = ws.defaults.defaultProcess.stages
  const [stage, stage2] = [stages[0], stages[1]]
  if (!stage || !stage2) throw new Error('default process has too few stages')
  const process2 = await createProcess(db, { tenantId, name: `Second ${uniq()}` })
  const org = await createOrganization(db, { tenantId, name: `Org ${ws.slug}` })
  const contact = await createContact(db, { tenantId, organizationId: org.id, assignedUserId: ws.rep.id })
  const deal = await createDeal(db, {
    tenantId,
    contactId: contact.id,
    organizationId: org.id,
    assignedUserId: ws.rep.id,
  })
  const { product } = await createProduct(db, { tenantId, blueprint: { defaultPrice: '100.00' } })
  const line = await createLineItem(db, { tenantId, dealId: deal.id, productId: product.id, quantity: 2 })
  const activity = await createActivity(db, { tenantId, contactId: contact.id, dealId: deal.id })
  const [customField] = await db
    .insert(schema.customFieldDefinitions)
    .values({ tenantId, entity: 'contact', key: `k_${uniq()}`, label: 'K', type: 'text' })
    .returning()
  const [invitation] = await db
    .insert(schema.invitations)
    .values({
      tenantId,
      email: `invitee-${uniq()}@example.test`,
      role: 'rep',
      tokenHash: `inv-${uniq()}${uniq()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedBy: ws.admin.id,
    })
    .returning()
  const [token] = await db
    .insert(schema.apiTokens)
    .values({
      tenantId,
      userId: ws.rep.id,
      name: 'CI',
      tokenHash: `tok-${uniq()}${uniq()}`,
      prefix: 'aura_x',
    })
    .returning()
  const [savedView] = await db
    .insert(schema.savedViews)
    .values({ tenantId, userId: ws.rep.id, list: 'deals', name: 'Private view', filters: { status: 'open' } })
    .returning()
  const [task] = await db
    .insert(schema.tasks)
    .values({
      tenantId,
      type: 'call',
      subject: 'Private next step',
      dueAt: new Date(Date.now() + 86_400_000),
      assigneeUserId: ws.rep.id,
      dealId: deal.id,
    })
    .returning()
  // The rep was told of the deal (ADR 0169): marking it read by id is a body id like any other.
  const [notification] = await db
    .insert(schema.notifications)
    .values({
      tenantId,
      recipientUserId: ws.rep.id,
      kind: 'deal.assigned',
      actorUserId: ws.admin.id,
      dealId: deal.id,
    })
    .returning()
  // The rep's uploaded file (ADR 0174), not started: mapping, starting and undoing it are changes by id.
  const [upload] = await db
    .insert(schema.imports)
    .values({
      tenantId,
      userId: ws.rep.id,
      entity: 'contact',
      fileName: 'people.csv',
      encoding: 'utf-8',
      delimiter: ',',
      columns: ['Name'],
      mapping: ['fullName'],
      totalRows: 1,
    })
    .returning()
  if (!upload) throw new Error('insert returned no import')
  await db
    .insert(schema.importRows)
    .values({ tenantId, importId: upload.id, rowNo: 1, userId: ws.rep.id, cells: ['Victim Person'] })
  // A merge of the rep's contact (ADR 0172), addressed by id to read and undo it.
  const [merge] = await db
    .insert(schema.merges)
    .values({
      tenantId,
      entity: 'contact',
      survivorId: contact.id,
      otherId: crypto.randomUUID(),
      survivorBefore: {},
      survivorAfter: {},
      createdBy: ws.rep.id,
    })
    .returning()
  if (!customField || !invitation || !token || !savedView || !task || !notification || !merge)
    throw new Error('insert returned nothing')
  // Provisioning gave the default process its lost reasons (db/seed/processes.ts).
  const [lostReason] = await db
    .select()
    .from(schema.lostReasons)
    .where(eq(schema.lostReasons.processId, ws.defaults.defaultProcess.process.id))
    .limit(1)
  if (!lostReason) throw new Error('the default process has no lost reasons')
  return {
    tenantId,
    org,
    contact,
    deal,
    line,
    activity,
    product,
    process: ws.defaults.defaultProcess.process,
    process2: process2.process,
    stage,
    stage2,
    process2Stage: process2.stages[0],
    lostReason,
    customField,
    invitation,
    token,
    savedView,
    task,
    notification,
    upload,
    merge,
    rep: ws.rep,
  }
}

export type Records = Awaited<ReturnType<typeof recordsOf>>

/** Step-up for attackers, so a refusal can only come from the record lookup, not from a missing code. */
export async function elevateAll(api: TestApi, members: Member[]) {
  for (const m of members) await elevate(api, m, new Date(Date.now() + 30 * 60_000))
}
