// A workspace with something in every archived table, built the way people build one: through the API
// where the API writes history and audit entries (stage moves, closing, pricing, line items, activities),
// with the shared factories for the rest (a second and an archived process, an org tree, soft deletes).
import { schema } from '@aura/db'
import {
  createActivity,
  createContact,
  createOrganization,
  createProcess,
  createProduct,
  createUser,
} from '@aura/db/seed/index'
import { z } from '@hono/zod-openapi'
import { eq, sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { ZDeal } from '../src/routes/deals/deals.schemas.ts'
import { ZLineItemChange } from '../src/routes/line-items/line-items.schemas.ts'
import { ZPipelineSummary } from '../src/routes/pipeline-summary/pipeline-summary.routes.ts'
import { ZPricing } from '../src/routes/products/products.schemas.ts'
import { type Member, reply, send, type TestApi, type Workspace } from './fixtures.ts'
import { createWorkspace, elevate } from './workspace.ts'

export type { Workspace }

/** One archived row: every table has an `id`; the other columns are asserted one by one. */
export const ZArchiveRow = z.object({ id: z.string() }).catchall(z.unknown())
export type ArchiveRow = z.infer<typeof ZArchiveRow>

/** The tables these suites read by name (the archive holds more; see ARCHIVED_TABLES). */
const READ_TABLES = [
  'users',
  'sales_processes',
  'organizations',
  'contacts',
  'deals',
  'deal_line_items',
  'audit_log',
] as const

/** A workspace archive as GET /workspace/archive sends it (ADR 0125). */
export const ZArchive = z
  .object({
    format: z.literal('aura-workspace-archive'),
    version: z.number().int(),
    exportedAt: z.string(),
    workspace: z.object({ id: z.string(), slug: z.string() }).catchall(z.unknown()),
    tables: z
      .object(
        Object.fromEntries(READ_TABLES.map((t) => [t, z.array(ZArchiveRow)])) as {
          [t in (typeof READ_TABLES)[number]]: z.ZodArray<typeof ZArchiveRow>
        },
      )
      .catchall(z.array(ZArchiveRow)),
  })
  .loose()
export type Archive = z.infer<typeof ZArchive>
export type PipelineSummary = z.infer<typeof ZPipelineSummary>

/** An id in a created record's reply. */
const ZCreated = z.object({ id: z.string() }).loose()

/** Calls the API as a member, expecting success, and returns the body parsed with `schema`. */
async function ok<S extends z.ZodType>(
  ws: Workspace,
  who: Member,
  path: string,
  init: RequestInit,
  schema: S,
) {
  const { status, body } = await reply(await ws.as(who, path, init), schema)
  expect(status, `${init.method ?? 'GET'} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300)
  return body
}

export async function buildRichWorkspace(api: TestApi) {
  const ws = await createWorkspace(api)
  const tenantId = ws.tenant.id
  const { admin, manager, rep } = ws
  await elevate(api, admin)
  const stage = (name: string) => ws.defaults.defaultProcess.stages.find((s) => s.name === name)?.id

  const region = await ok(
    ws,
    admin,
    '/custom-fields',
    send('POST', {
      entity: 'deal',
      key: 'region',
      label: 'Region',
      type: 'select',
      options: ['EMEA', 'US'],
    }),
    ZCreated,
  )
  await ok(
    ws,
    admin,
    '/custom-fields',
    send('POST', { entity: 'contact', key: 'linkedin', label: 'LinkedIn', type: 'text' }),
    ZCreated,
  )
  const old = await ok(
    ws,
    admin,
    '/custom-fields',
    send('POST', { entity: 'organization', key: 'tier', label: 'Tier', type: 'number' }),
    ZCreated,
  )
  await ok(ws, admin, `/custom-fields/${old.id}`, send('DELETE'), z.unknown())
  expect(region.key).toBe('region')

  const renewals = await createProcess(api.db, {
    tenantId,
    name: 'Renewals',
    stages: [
      { name: 'Due', winProbability: 40, requiredFields: ['closeDate'] },
      { name: 'Renewed', winProbability: 100, kind: 'won' },
      { name: 'Churned', winProbability: 0, kind: 'lost' },
    ],
  })
  await createProcess(api.db, { tenantId, name: 'Old pipeline', archivedAt: new Date() })

  const [licence, onboarding] = ws.defaults.products.map((p) => p.product)
  await ok(
    ws,
    admin,
    `/products/${licence?.id}/pricing`,
    send('PUT', { defaultPrice: '520.00', cost: '45.50', maxDiscountPercent: '15.00' }),
    ZPricing,
  )
  await ok(
    ws,
    admin,
    `/products/${licence?.id}/pricing`,
    send('PUT', { defaultPrice: '499.99', cost: '45.50', marginTargetPercent: '-5.25' }),
    ZPricing,
  )
  await createProduct(api.db, {
    tenantId,
    sku: 'OLD-1',
    name: 'Retired widget',
    isActive: false,
    blueprint: null,
  })
  await createProduct(api.db, { tenantId, sku: 'CF-1', name: 'Custom', customFields: { colour: 'teal' } })

  const group = await createOrganization(api.db, { tenantId, name: 'Group plc', customFields: { tier: 2 } })
  const branch = await createOrganization(api.db, { tenantId, name: 'Branch', parentId: group.id })
  const office = await createOrganization(api.db, { tenantId, name: 'Office', parentId: branch.id })
  // A moment with microseconds (PGlite's clock stops at milliseconds; Postgres' does not).
  await api.db
    .update(schema.organizations)
    .set({ createdAt: sql`'2026-03-01T09:15:30.123456Z'::timestamptz` })
    .where(eq(schema.organizations.id, office.id))
  await createOrganization(api.db, { tenantId, name: 'Gone Ltd', deletedAt: new Date() })
  const ada = await createContact(api.db, {
    tenantId,
    organizationId: branch.id,
    assignedUserId: rep.id,
    customFields: { linkedin: 'https://l.test/ada' },
  })
  const bob = await createContact(api.db, { tenantId, assignedUserId: manager.id, phone: '+1 (555) 0123' })
  await createContact(api.db, { tenantId, createdBy: rep.id, deletedAt: new Date() })
  const left = await createUser(api.db, {
    tenantId,
    role: 'rep',
    status: 'deactivated',
    deactivatedAt: new Date(),
    department: 'Sales',
    phone: '+33 1',
  })

  const deal = (body: Record<string, unknown>, who: Member = rep) =>
    ok(ws, who, '/deals', send('POST', body), ZDeal)
  const won = await deal({
    name: 'Won big',
    contactId: ada.id,
    organizationId: branch.id,
    customFields: { region: 'EMEA' },
  })
  await ok(
    ws,
    rep,
    `/deals/${won.id}/line-items`,
    send('POST', { productId: licence?.id, quantity: 3 }),
    ZLineItemChange,
  )
  const line = await ok(
    ws,
    rep,
    `/deals/${won.id}/line-items`,
    send('POST', { productId: onboarding?.id, quantity: 1 }),
    ZLineItemChange,
  )
  await ok(
    ws,
    rep,
    `/deals/${won.id}/line-items`,
    send('POST', { productId: onboarding?.id, quantity: 2 }),
    ZLineItemChange,
  )
  await ok(ws, rep, `/deals/${won.id}/line-items/${line.line.id}`, send('DELETE'), z.unknown())
  await ok(ws, rep, `/deals/${won.id}/stage`, send('POST', { stageId: stage('Proposal') }), ZDeal)
  await ok(ws, rep, `/deals/${won.id}/stage`, send('POST', { stageId: stage('Won') }), ZDeal)
  const lost = await deal({ name: 'Lost one', amount: '1234.56', contactId: bob.id }, manager)
  await ok(ws, manager, `/deals/${lost.id}/stage`, send('POST', { stageId: stage('Lost') }), ZDeal)
  const renewal = await deal({
    name: 'Renewal',
    contactId: ada.id,
    closeDate: '2027-01-31',
    assignedUserId: rep.id,
  })
  await ok(
    ws,
    rep,
    `/deals/${renewal.id}/stage`,
    send('POST', { processId: renewals.process.id, stageId: renewals.stages[0]?.id }),
    ZDeal,
  )
  const dropped = await deal({ name: 'Dropped', amount: '10.00' })
  await ok(ws, rep, `/deals/${dropped.id}`, send('DELETE'), z.unknown())
  await deal({ name: 'Managers only', amount: '99.90', assignedUserId: manager.id }, manager)

  const call = await ok(
    ws,
    rep,
    `/contacts/${ada.id}/activities`,
    send('POST', {
      type: 'call',
      subject: 'Intro',
      description: 'Talked pricing.',
      dealId: won.id,
      participantUserId: rep.id,
    }),
    ZCreated,
  )
  const note = await ok(
    ws,
    rep,
    `/contacts/${ada.id}/activities`,
    send('POST', { type: 'note', description: 'Typo' }),
    ZCreated,
  )
  await ok(ws, rep, `/activities/${note.id}`, send('DELETE'), z.unknown())
  await createActivity(api.db, { tenantId, contactId: bob.id, type: 'meeting', archivedAt: new Date() })
  expect(call.id).toBeDefined()
  const task = (body: object, who: Member = rep) =>
    ok(ws, who, '/tasks', send('POST', { type: 'call', dueAt: '2026-04-02T09:30:00Z', ...body }), ZCreated)
  await task({ subject: 'Chase the signature', dealId: renewal.id, assigneeUserId: rep.id }, manager)
  const done = await task({ subject: 'Send the deck', contactId: ada.id, dealId: won.id })
  await ok(ws, rep, `/tasks/${done.id}/complete`, send('POST'), z.unknown())

  return { ws, renewals, left, won, lost, renewal }
}

/** The archive as an admin downloads it (step-up stamped directly: the code flow has its own tests). */
export async function downloadArchive(api: TestApi, ws: Workspace): Promise<Archive> {
  await elevate(api, ws.admin)
  const { status, body } = await reply(await ws.as(ws.admin, '/workspace/archive'), ZArchive)
  expect(status).toBe(200)
  return body
}

/** What the scheduled purge does to one workspace: gone, with its people, so their emails are free. */
export async function purgeWorkspace(api: TestApi, tenantId: string) {
  await api.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.purge', 'on', true)`)
    await tx.delete(schema.tenants).where(eq(schema.tenants.id, tenantId))
  })
}

/** GET /pipeline-summary of each process, in order, through one member's requests. */
export async function pipelineSummaries(
  get: (path: string) => Response | Promise<Response>,
  processIds: string[],
) {
  const out: PipelineSummary[] = []
  for (const id of processIds) {
    const { status, body } = await reply(await get(`/pipeline-summary?processId=${id}`), ZPipelineSummary)
    expect(status, `summary of ${id}`).toBe(200)
    out.push(body)
  }
  return out
}
