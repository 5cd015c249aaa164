import { schema } from '@aura/db'
import { createContact, createOrganization, createProcess } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditOf,
  call,
  fields,
  send,
  stage,
  stageHistory,
  type TestApi,
  type Workspace,
  ZDeal,
  ZDealWithLines,
} from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('POST /deals', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const dealCount = async (tenantId: string) =>
    (
      await api.db
        .select({ id: schema.deals.id })
        .from(schema.deals)
        .where(eq(schema.deals.tenantId, tenantId))
    ).length

  it('defaults to the default process, its first open stage, that stage’s probability and the creator (F11.14)', async () => {
    const { status, body } = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', { name: 'Acme expansion', amount: '1200.50' }),
      ZDeal,
    )
    expect(status).toBe(201)
    expect(body).toMatchObject({
      name: 'Acme expansion',
      amount: '1200.50',
      processId: ws.defaults.defaultProcess.process.id,
      processName: 'Sales pipeline',
      stageId: stage(ws, 'Prospect').id,
      stageName: 'Prospect',
      probability: 10,
      status: 'open',
      assignedUserId: ws.rep.id,
      hasLineItems: false,
    })
    const [h, ...rest] = await stageHistory(api, body.id)
    expect(rest).toEqual([])
    expect(h).toMatchObject({
      fromStageId: null,
      toStageName: 'Prospect',
      amount: '1200.50',
      probability: 10,
      changedBy: ws.rep.id,
    })
    expect((await auditOf(api, ws.tenant.id, 'deal.created')).map((a) => a.entityId)).toContain(body.id)
  })

  it('takes an explicit stage, probability and links; a won stage creates a closed deal', async () => {
    const org = await createOrganization(api.db, { tenantId: ws.tenant.id })
    const contact = await createContact(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.manager.id })
    const { body } = await call(
      ws,
      ws.manager,
      '/deals',
      send('POST', {
        name: 'Won already',
        amount: '50.00',
        stageId: stage(ws, 'Won').id,
        probability: 90,
        organizationId: org.id,
        contactId: contact.id,
        closeDate: '2026-12-31',
        customFields: {},
      }),
      ZDeal,
    )
    expect(body).toMatchObject({
      status: 'won',
      probability: 90,
      closedStageName: 'Won',
      closedProbability: 90,
      finalAmount: '50.00',
    })
    expect(body.closedAt).not.toBeNull()
  })

  it('refuses a stage of another process with 422 naming stageId; processId picks the process', async () => {
    const { process, stages } = await createProcess(api.db, { tenantId: ws.tenant.id, name: 'Partners' })
    const before = await dealCount(ws.tenant.id)
    const wrong = await call(
      ws,
      ws.admin,
      '/deals',
      send('POST', { name: 'x', stageId: stages[1]?.id }),
      ZDeal,
    )
    expect(wrong.status).toBe(422)
    expect(fields(wrong.body)).toEqual(['stageId'])
    expect(await dealCount(ws.tenant.id)).toBe(before)
    const right = await call(
      ws,
      ws.admin,
      '/deals',
      send('POST', { name: 'x', processId: process.id }),
      ZDeal,
    )
    expect(right.body).toMatchObject({ processId: process.id, stageId: stages[0]?.id })
  })

  it('enforces the entered stage’s required fields, naming each (F11.7)', async () => {
    const { process, stages } = await createProcess(api.db, {
      tenantId: ws.tenant.id,
      stages: [{ name: 'Strict', winProbability: 30, requiredFields: ['amount', 'closeDate', 'contactId'] }],
    })
    const res = await call(
      ws,
      ws.admin,
      '/deals',
      send('POST', { name: 'x', processId: process.id, amount: '0' }),
      ZDeal,
    )
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('unprocessable')
    expect(fields(res.body)).toEqual(['amount', 'closeDate', 'contactId'])
    expect(stages).toHaveLength(1)
  })

  it('lets only managers and admins assign a deal to someone else', async () => {
    const rep = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', { name: 'x', assignedUserId: ws.manager.id }),
      ZDeal,
    )
    expect(rep.status).toBe(403)
    const mgr = await call(
      ws,
      ws.manager,
      '/deals',
      send('POST', { name: 'x', assignedUserId: ws.rep.id }),
      ZDeal,
    )
    expect(mgr.status).toBe(201)
    expect(mgr.body.assignedUserId).toBe(ws.rep.id)
    expect((await call(ws, ws.rep, `/deals/${mgr.body.id}`, undefined, ZDealWithLines)).status).toBe(200)
  })

  it("refuses another tenant's process, stage, contact, organization and user (422 naming each) and writes nothing", async () => {
    const theirContact = await createContact(api.db, { tenantId: other.tenant.id })
    const theirOrg = await createOrganization(api.db, { tenantId: other.tenant.id })
    const before = await dealCount(ws.tenant.id)
    const cases: [Record<string, unknown>, string][] = [
      [{ processId: other.defaults.defaultProcess.process.id }, 'processId'],
      [{ stageId: other.defaults.defaultProcess.stages[0]?.id }, 'stageId'],
      [{ contactId: theirContact.id }, 'contactId'],
      [{ organizationId: theirOrg.id }, 'organizationId'],
      [{ assignedUserId: other.admin.id }, 'assignedUserId'],
    ]
    for (const [extra, field] of cases) {
      const res = await call(ws, ws.admin, '/deals', send('POST', { name: 'x', ...extra }), ZDeal)
      expect(res.status, field).toBe(422)
      expect(fields(res.body)).toEqual([field])
    }
    expect(await dealCount(ws.tenant.id)).toBe(before)
  })

  it("refuses a colleague's contact for a rep (RLS hides it) and bad input with 400 naming fields", async () => {
    const colleagues = await createContact(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.manager.id })
    const hidden = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', { name: 'x', contactId: colleagues.id }),
      ZDeal,
    )
    expect(hidden.status).toBe(422)
    expect(fields(hidden.body)).toEqual(['contactId'])
    const bad = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', { name: ' ', amount: '1.999', probability: 120 }),
      ZDeal,
    )
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['amount', 'name', 'probability'])
  })
})
