import { createContact, createLineItem, createOrganization } from '@aura/db/seed/index'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditOf,
  call,
  dealRow,
  fields,
  send,
  type TestApi,
  type Workspace,
  ZDeal,
  ZDealPage,
  ZDealWithLines,
  ZNoContent,
  ZRefusal,
} from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('GET/PATCH/DELETE /deals/{id}', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const newDeal = async (who = ws.rep, body: Record<string, unknown> = {}) =>
    (await call(ws, who, '/deals', send('POST', { name: 'Deal', amount: '100.00', ...body }), ZDeal)).body

  it('edits fields and audits the change', async () => {
    const deal = await newDeal()
    const res = await call(
      ws,
      ws.rep,
      `/deals/${deal.id}`,
      send('PATCH', { name: 'Renamed', amount: '250.25', probability: 33, closeDate: '2027-01-15' }),
      ZDeal,
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: 'Renamed',
      amount: '250.25',
      probability: 33,
      closeDate: '2027-01-15',
    })
    const [audit] = (await auditOf(api, ws.tenant.id, 'deal.updated')).filter((a) => a.entityId === deal.id)
    expect(audit).toMatchObject({
      actorUserId: ws.rep.id,
      before: { name: 'Deal', amount: '100.00' },
      after: { name: 'Renamed', amount: '250.25' },
    })
  })

  it('refuses an amount while live line items drive it (422 naming amount)', async () => {
    const deal = await newDeal(ws.manager)
    const product = ws.defaults.products[0]?.product
    if (!product) throw new Error('no product')
    await createLineItem(api.db, {
      tenantId: ws.tenant.id,
      dealId: deal.id,
      productId: product.id,
      quantity: 2,
    })
    const shown = (await call(ws, ws.manager, `/deals/${deal.id}`, undefined, ZDealWithLines)).body
    expect(shown).toMatchObject({ hasLineItems: true, amount: '3000.00', lineItemsTotal: '3000.00' })
    const res = await call(ws, ws.manager, `/deals/${deal.id}`, send('PATCH', { amount: '10.00' }), ZDeal)
    expect(res.status).toBe(422)
    expect(fields(res.body)).toEqual(['amount'])
    const same = await call(
      ws,
      ws.manager,
      `/deals/${deal.id}`,
      send('PATCH', { amount: '3000.00', name: 'Same total' }),
      ZDeal,
    )
    expect(same.status).toBe(200)
    expect((await dealRow(api, deal.id))?.amount).toBe('3000.00')
  })

  it('lets managers reassign (audited deal.reassigned) and refuses reps (403)', async () => {
    const deal = await newDeal()
    const rep = await call(
      ws,
      ws.rep,
      `/deals/${deal.id}`,
      send('PATCH', { assignedUserId: ws.manager.id }),
      ZDeal,
    )
    expect(rep.status).toBe(403)
    const colleague = await ws.member('rep')
    const mgr = await call(
      ws,
      ws.manager,
      `/deals/${deal.id}`,
      send('PATCH', { assignedUserId: colleague.id }),
      ZDeal,
    )
    expect(mgr.status).toBe(200)
    expect(mgr.body.assignedUserId).toBe(colleague.id)
    const [audit] = (await auditOf(api, ws.tenant.id, 'deal.reassigned')).filter(
      (a) => a.entityId === deal.id,
    )
    expect(audit).toMatchObject({
      actorUserId: ws.manager.id,
      before: { assignedUserId: ws.rep.id },
      after: { assignedUserId: colleague.id },
    })
    expect((await call(ws, colleague, `/deals/${deal.id}`, undefined, ZDealWithLines)).status).toBe(200)
    const outsider = await call(
      ws,
      ws.manager,
      `/deals/${deal.id}`,
      send('PATCH', { assignedUserId: other.rep.id }),
      ZDeal,
    )
    expect(outsider.status).toBe(422)
    expect(fields(outsider.body)).toEqual(['assignedUserId'])
  })

  it("gives a rep 404 on a colleague's deal for every operation, and changes nothing", async () => {
    const theirs = await newDeal(ws.manager)
    for (const [path, init] of [
      [`/deals/${theirs.id}`, undefined],
      [`/deals/${theirs.id}`, send('PATCH', { name: 'Mine now' })],
      [`/deals/${theirs.id}`, send('DELETE')],
      [`/deals/${theirs.id}/history`, undefined],
    ] as const) {
      expect((await call(ws, ws.rep, path, init, ZRefusal)).status).toBe(404)
    }
    const list = (await call(ws, ws.rep, '/deals?limit=100', undefined, ZDealPage)).body.data.map(
      (d: { id: string }) => d.id,
    )
    expect(list).not.toContain(theirs.id)
    expect(await dealRow(api, theirs.id)).toMatchObject({ name: 'Deal', deletedAt: null })
  })

  it("gives another tenant 404 on this tenant's deal and takes no contact of theirs", async () => {
    const deal = await newDeal(ws.admin)
    for (const who of [other.admin, other.manager, other.rep]) {
      expect((await call(other, who, `/deals/${deal.id}`, undefined, ZDealWithLines)).status).toBe(404)
      expect((await call(other, who, `/deals/${deal.id}`, send('PATCH', { name: 'x' }), ZDeal)).status).toBe(
        404,
      )
      expect((await call(other, who, `/deals/${deal.id}`, send('DELETE'), ZNoContent)).status).toBe(404)
    }
    const org = await createOrganization(api.db, { tenantId: other.tenant.id })
    const contact = await createContact(api.db, { tenantId: other.tenant.id })
    const res = await call(
      ws,
      ws.admin,
      `/deals/${deal.id}`,
      send('PATCH', { organizationId: org.id, contactId: contact.id }),
      ZDeal,
    )
    expect(res.status).toBe(422)
    expect(fields(res.body)).toEqual(['contactId', 'organizationId'])
    expect(await dealRow(api, deal.id)).toMatchObject({ name: 'Deal', organizationId: null, deletedAt: null })
  })

  it('soft-deletes: gone from reads and lists, row kept, audited', async () => {
    const deal = await newDeal()
    expect((await call(ws, ws.rep, `/deals/${deal.id}`, send('DELETE'), ZNoContent)).status).toBe(204)
    expect((await call(ws, ws.rep, `/deals/${deal.id}`, undefined, ZDealWithLines)).status).toBe(404)
    expect((await call(ws, ws.rep, `/deals/${deal.id}`, send('DELETE'), ZNoContent)).status).toBe(404)
    expect((await dealRow(api, deal.id))?.deletedAt).not.toBeNull()
    expect((await auditOf(api, ws.tenant.id, 'deal.deleted')).map((a) => a.entityId)).toContain(deal.id)
  })
})
