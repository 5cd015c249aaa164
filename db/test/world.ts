// A tenant filled with one row in every tenant table, built as the owner through the shared factories.
import type { Db } from '../client.ts'
import {
  apiTokens,
  auditLog,
  customFieldDefinitions,
  dealStageHistory,
  emailOutbox,
  idempotencyKeys,
  importRows,
  imports,
  invitations,
  merges,
  notificationDigests,
  notificationPreferences,
  notifications,
  productPriceHistory,
  savedViews,
  sessions,
  taskReminders,
  tasks,
} from '../schema/index.ts'
import {
  createActivity,
  createContact,
  createDeal,
  createLineItem,
  createOrganization,
  createTenant,
  createUser,
  provisionTenantDefaults,
  uniq,
} from '../seed/index.ts'

export async function buildTenantWorld(db: Db) {
  const tenant = await createTenant(db)
  const tenantId = tenant.id
  const admin = await createUser(db, { tenantId, role: 'admin' })
  const manager = await createUser(db, { tenantId, role: 'manager' })
  const rep = await createUser(db, { tenantId, role: 'rep' })
  const otherRep = await createUser(db, { tenantId, role: 'rep' })
  const defaults = await provisionTenantDefaults(db, tenantId)
  const [stage0, stage1] = defaults.defaultProcess.stages
  const product = defaults.products[0]?.product
  if (!stage0 || !stage1 || !product) throw new Error('provisioning made no stages or products')
  const org = await createOrganization(db, { tenantId })
  const contact = await createContact(db, { tenantId, organizationId: org.id, assignedUserId: rep.id })
  const deal = await createDeal(db, { tenantId, contactId: contact.id, assignedUserId: rep.id })
  // A deal already won, unowned: the close totals (ADR 0170) have a row in every world, and no member's
  // counts of their own deals change.
  const wonStage = defaults.defaultProcess.stages.find((s) => s.kind === 'won')
  await createDeal(db, {
    tenantId,
    stageId: wonStage?.id,
    status: 'won',
    closedAt: new Date(),
    assignedUserId: null,
  })
  const line = await createLineItem(db, { tenantId, dealId: deal.id, productId: product.id, quantity: 2 })
  const activity = await createActivity(db, { tenantId, contactId: contact.id, dealId: deal.id })
  await db.insert(dealStageHistory).values({
    tenantId,
    dealId: deal.id,
    toProcessId: deal.processId,
    toStageId: stage0.id,
    toStageName: stage0.name,
    amount: deal.amount,
    probability: 10,
  })
  await db.insert(productPriceHistory).values({ tenantId, productId: product.id, newPrice: '1500.00' })
  await db.insert(invitations).values({
    tenantId,
    email: `invitee-${uniq()}@example.test`,
    role: 'rep',
    tokenHash: `inv-${uniq()}${uniq()}`,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
    invitedBy: admin.id,
  })
  await db.insert(apiTokens).values({
    tenantId,
    userId: rep.id,
    name: 'CI',
    tokenHash: `tok-${uniq()}${uniq()}`,
    prefix: 'aura_x',
  })
  await db.insert(sessions).values({
    id: `sess-${uniq()}${uniq()}`,
    userId: rep.id,
    tenantId,
    expiresAt: new Date(Date.now() + 86_400_000),
  })
  await db.insert(auditLog).values({ tenantId, actorUserId: admin.id, action: 'test.seeded' })
  await db.insert(emailOutbox).values({
    tenantId,
    toAddress: 'someone@example.test',
    subject: 'Hi',
    html: '<p>Hi</p>',
    text: 'Hi',
    template: 'test',
  })
  await db.insert(customFieldDefinitions).values({
    tenantId,
    entity: 'contact',
    key: 'linkedin',
    label: 'LinkedIn',
    type: 'text',
  })
  await db.insert(idempotencyKeys).values({
    tenantId,
    userId: admin.id,
    key: `world-${uniq()}`,
    requestHash: 'a'.repeat(64),
    status: 201,
    responseBody: '{}',
    contentType: 'application/json',
  })
  await db.insert(savedViews).values({
    tenantId,
    userId: admin.id,
    list: 'deals',
    name: 'Open deals',
    filters: { status: 'open' },
  })
  // A next step the manager handed the rep on the rep's deal.
  const [task] = await db
    .insert(tasks)
    .values({
      tenantId,
      type: 'call',
      subject: 'Call back about the proposal',
      dueAt: new Date(Date.now() + 86_400_000),
      assigneeUserId: rep.id,
      dealId: deal.id,
      createdBy: manager.id,
    })
    .returning()
  if (!task) throw new Error('insert returned no task')
  // The rep was told the manager handed them that step; the rep keeps won deals out of their feed.
  await db.insert(notifications).values({
    tenantId,
    recipientUserId: rep.id,
    kind: 'task.assigned',
    actorUserId: manager.id,
    taskId: task.id,
    dealId: deal.id,
  })
  await db.insert(notificationPreferences).values({
    tenantId,
    userId: rep.id,
    kind: 'deal.won',
    inApp: false,
    email: false,
    digest: false,
  })
  // The step was due yesterday once and reminded then, before it moved to tomorrow; the rep's digest of
  // the day before yesterday found nothing to send (ADR 0171).
  await db
    .insert(taskReminders)
    .values({ tenantId, taskId: task.id, dueAt: new Date(Date.now() - 86_400_000) })
  await db.insert(notificationDigests).values({
    tenantId,
    userId: rep.id,
    day: '2026-12-01',
    coveredUntil: new Date(Date.now() - 2 * 86_400_000),
    notificationCount: 0,
  })
  // The rep imported a file of one contact, which created the rep's contact (ADR 0174).
  const [upload] = await db
    .insert(imports)
    .values({
      tenantId,
      userId: rep.id,
      entity: 'contact',
      status: 'done',
      fileName: 'people.csv',
      encoding: 'utf-8',
      delimiter: ',',
      columns: ['Name', 'Email'],
      mapping: ['fullName', 'email'],
      totalRows: 1,
      processedRows: 1,
      createdCount: 1,
      createdBy: rep.id,
    })
    .returning()
  if (!upload) throw new Error('insert returned no import')
  await db.insert(importRows).values({
    tenantId,
    importId: upload.id,
    rowNo: 1,
    userId: rep.id,
    cells: ['Imported Person', 'imported@example.com'],
    outcome: 'created',
    recordId: contact.id,
  })
  // The rep merged a duplicate of their contact into it (ADR 0172): the undo state of that merge.
  await db.insert(merges).values({
    tenantId,
    entity: 'contact',
    survivorId: contact.id,
    otherId: crypto.randomUUID(),
    survivorBefore: {},
    survivorAfter: {},
    createdBy: rep.id,
  })
  return {
    tenant,
    tenantId,
    admin,
    manager,
    rep,
    otherRep,
    defaults,
    org,
    contact,
    deal,
    line,
    activity,
    task,
    product,
  }
}

export type TenantWorld = Awaited<ReturnType<typeof buildTenantWorld>>
