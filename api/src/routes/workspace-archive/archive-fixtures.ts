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
import { eq, sql } from 'drizzle-orm'
import { expect } from 'vitest'
import type { createTestApi } from '../../../test/harness.ts'
import { createWorkspace, elevate, type Member } from '../../../test/workspace.ts'

type TestApi = Awaited<ReturnType<typeof createTestApi>>
export type Workspace = Awaited<ReturnType<typeof createWorkspace>>
// biome-ignore lint/suspicious/noExplicitAny: archives are asserted field by field
export type Archive = any

const send = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

/** Calls the API as a member, expecting success, and returns the parsed body. */
async function ok(ws: Workspace, who: Member, path: string, init?: RequestInit) {
  const res = await ws.as(who, path, init)
  const text = await res.text()
  expect(res.status, `${init?.method ?? 'GET'} ${path}: ${text}`).toBeLessThan(300)
  return text ? JSON.parse(text) : null
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
  )
  await ok(
    ws,
    admin,
    '/custom-fields',
    send('POST', { entity: 'contact', key: 'linkedin', label: 'LinkedIn', type: 'text' }),
  )
  const old = await ok(
    ws,
    admin,
    '/custom-fields',
    send('POST', { entity: 'organization', key: 'tier', label: 'Tier', type: 'number' }),
  )
  await ok(ws, admin, `/custom-fields/${old.id}`, send('DELETE'))
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
  )
  await ok(
    ws,
    admin,
    `/products/${licence?.id}/pricing`,
    send('PUT', { defaultPrice: '499.99', cost: '45.50', marginTargetPercent: '-5.25' }),
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

  const deal = (body: Record<string, unknown>, who: Member = rep) => ok(ws, who, '/deals', send('POST', body))
  const won = await deal({
    name: 'Won big',
    contactId: ada.id,
    organizationId: branch.id,
    customFields: { region: 'EMEA' },
  })
  await ok(ws, rep, `/deals/${won.id}/line-items`, send('POST', { productId: licence?.id, quantity: 3 }))
  const line = await ok(
    ws,
    rep,
    `/deals/${won.id}/line-items`,
    send('POST', { productId: onboarding?.id, quantity: 1 }),
  )
  await ok(ws, rep, `/deals/${won.id}/line-items`, send('POST', { productId: onboarding?.id, quantity: 2 }))
  await ok(ws, rep, `/deals/${won.id}/line-items/${line.line.id}`, send('DELETE'))
  await ok(ws, rep, `/deals/${won.id}/stage`, send('POST', { stageId: stage('Proposal') }))
  await ok(ws, rep, `/deals/${won.id}/stage`, send('POST', { stageId: stage('Won') }))
  const lost = await deal({ name: 'Lost one', amount: '1234.56', contactId: bob.id }, manager)
  await ok(ws, manager, `/deals/${lost.id}/stage`, send('POST', { stageId: stage('Lost') }))
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
  )
  const dropped = await deal({ name: 'Dropped', amount: '10.00' })
  await ok(ws, rep, `/deals/${dropped.id}`, send('DELETE'))
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
  )
  const note = await ok(
    ws,
    rep,
    `/contacts/${ada.id}/activities`,
    send('POST', { type: 'note', description: 'Typo' }),
  )
  await ok(ws, rep, `/activities/${note.id}`, send('DELETE'))
  await createActivity(api.db, { tenantId, contactId: bob.id, type: 'meeting', archivedAt: new Date() })
  expect(call.id).toBeDefined()

  return { ws, renewals, left, won, lost, renewal }
}

/** The archive as an admin downloads it (step-up stamped directly: the code flow has its own tests). */
export async function downloadArchive(api: TestApi, ws: Workspace): Promise<Archive> {
  await elevate(api, ws.admin)
  const res = await ws.as(ws.admin, '/workspace/archive')
  expect(res.status).toBe(200)
  return JSON.parse(await res.text())
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
  const out: Archive[] = []
  for (const id of processIds) {
    const res = await get(`/pipeline-summary?processId=${id}`)
    expect(res.status, `summary of ${id}`).toBe(200)
    out.push(await res.json())
  }
  return out
}
