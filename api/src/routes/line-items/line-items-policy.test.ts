import { schema } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../test/harness.ts'
import {
  auditRows,
  dbTotals,
  deal,
  product,
  send,
  type TestApi,
  type Workspace,
} from '../../../test/pricing-fixtures.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('deal line items: discount policy, inactive products, audit, who may touch which deal', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const lines = (dealId: string) =>
    api.db.select().from(schema.dealLineItems).where(eq(schema.dealLineItems.dealId, dealId))

  it('refuses a rep below the policy with 422 naming unitPrice and the minimum; nothing written', async () => {
    const p = await product(api, ws, { defaultPrice: '100.00', maxDiscountPercent: '12.50' })
    const d = await deal(api, ws, ws.rep)
    const res = await ws.as(
      ws.rep,
      `/deals/${d.id}/line-items`,
      send('POST', { productId: p.id, quantity: 1, unitPrice: '87.49' }),
    )
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.errors).toEqual([{ field: 'unitPrice', message: 'The minimum allowed price is 87.50' }])
    expect(body.minimumAllowedPrice).toBe('87.50')
    expect(await lines(d.id)).toHaveLength(0)
    // At the minimum is allowed, and is a (within-policy) price override in the audit trail.
    const ok = await ws.as(
      ws.rep,
      `/deals/${d.id}/line-items`,
      send('POST', { productId: p.id, quantity: 1, unitPrice: '87.50' }),
    )
    expect(ok.status).toBe(201)
    const { line } = await ok.json()
    const [override] = await auditRows(api, 'deal.line_item_price_overridden', d.id)
    expect(override?.after).toMatchObject({ lineId: line.id, unitPrice: '87.50', belowPolicy: false })
    // Lowering it further by PATCH is refused too.
    const patch = await ws.as(
      ws.rep,
      `/deals/${d.id}/line-items/${line.id}`,
      send('PATCH', { unitPrice: '50.00' }),
    )
    expect(patch.status).toBe(422)
    expect((await patch.json()).errors[0].field).toBe('unitPrice')
  })

  it('lets a manager go below the policy, audited as an override with the minimum', async () => {
    const p = await product(api, ws, { defaultPrice: '100.00', maxDiscountPercent: '10' })
    const d = await deal(api, ws, ws.rep)
    const res = await ws.as(
      ws.manager,
      `/deals/${d.id}/line-items`,
      send('POST', { productId: p.id, quantity: 2 }),
    )
    const { line } = await res.json()
    const cut = await ws.as(
      ws.manager,
      `/deals/${d.id}/line-items/${line.id}`,
      send('PATCH', { unitPrice: '40.00' }),
    )
    expect(cut.status).toBe(200)
    expect((await cut.json()).deal).toMatchObject({ amount: '80.00', lineItemsTotal: '80.00' })
    const [audit] = await auditRows(api, 'deal.line_item_price_overridden', d.id)
    expect(audit).toMatchObject({
      actorUserId: ws.manager.id,
      entityType: 'deal',
      before: { lineId: line.id, unitPrice: '100.00' },
      after: { lineId: line.id, unitPrice: '40.00', belowPolicy: true, minimumAllowedPrice: '90.00' },
    })
  })

  it('audits added, quantity changed and removed on the deal with before/after', async () => {
    const p = await product(api, ws, { defaultPrice: '10.00' })
    const d = await deal(api, ws, ws.rep)
    const { line } = await (
      await ws.as(ws.rep, `/deals/${d.id}/line-items`, send('POST', { productId: p.id, quantity: 1 }))
    ).json()
    await ws.as(ws.rep, `/deals/${d.id}/line-items/${line.id}`, send('PATCH', { quantity: 4 }))
    await ws.as(ws.rep, `/deals/${d.id}/line-items/${line.id}`, send('DELETE'))
    const [added] = await auditRows(api, 'deal.line_item_added', d.id)
    expect(added).toMatchObject({
      actorUserId: ws.rep.id,
      after: { lineId: line.id, quantity: 1, unitPrice: '10.00' },
    })
    const [qty] = await auditRows(api, 'deal.line_item_quantity_changed', d.id)
    expect(qty).toMatchObject({ before: { quantity: 1 }, after: { quantity: 4 } })
    const [removed] = await auditRows(api, 'deal.line_item_removed', d.id)
    expect(removed?.before).toMatchObject({ lineId: line.id, quantity: 4, extendedPrice: '40.00' })
    expect(await auditRows(api, 'deal.line_item_price_overridden', d.id)).toHaveLength(0)
  })

  it('refuses an inactive product for new lines (422 productId) but keeps existing lines listed', async () => {
    const p = await product(api, ws, { defaultPrice: '10.00' })
    const d = await deal(api, ws, ws.rep)
    await ws.as(ws.rep, `/deals/${d.id}/line-items`, send('POST', { productId: p.id, quantity: 1 }))
    await api.db.update(schema.products).set({ isActive: false }).where(eq(schema.products.id, p.id))
    for (const who of [ws.rep, ws.admin]) {
      const res = await ws.as(
        who,
        `/deals/${d.id}/line-items`,
        send('POST', { productId: p.id, quantity: 1 }),
      )
      expect(res.status).toBe(422)
      expect((await res.json()).errors[0].field).toBe('productId')
    }
    const list = await (await ws.as(ws.rep, `/deals/${d.id}/line-items`)).json()
    expect(list.data).toHaveLength(1)
    expect(list.data[0]).toMatchObject({ productId: p.id, sku: p.sku, productName: p.name })
  })

  it("gives a rep 404 on a colleague's deal and writes nothing", async () => {
    const colleague = await ws.member('rep')
    const p = await product(api, ws, { defaultPrice: '10.00' })
    const d = await deal(api, ws, colleague)
    const { line } = await (
      await ws.as(ws.manager, `/deals/${d.id}/line-items`, send('POST', { productId: p.id, quantity: 1 }))
    ).json()
    expect((await ws.as(ws.rep, `/deals/${d.id}/line-items`)).status).toBe(404)
    expect(
      (await ws.as(ws.rep, `/deals/${d.id}/line-items`, send('POST', { productId: p.id, quantity: 1 })))
        .status,
    ).toBe(404)
    const path = `/deals/${d.id}/line-items/${line.id}`
    expect((await ws.as(ws.rep, path, send('PATCH', { quantity: 9 }))).status).toBe(404)
    expect((await ws.as(ws.rep, path, send('DELETE'))).status).toBe(404)
    expect(await dbTotals(api, d.id)).toMatchObject({ lineItemsTotal: '10.00', liveSum: '10.00' })
  })

  it("answers another tenant's product with 422 and its deal or line ids with 404; nothing written", async () => {
    const theirProduct = await product(api, other, { defaultPrice: '1.00' })
    const mine = await deal(api, ws, ws.rep)
    for (const who of [ws.admin, ws.rep]) {
      const res = await ws.as(
        who,
        `/deals/${mine.id}/line-items`,
        send('POST', { productId: theirProduct.id, quantity: 1 }),
      )
      expect(res.status).toBe(422)
      expect((await res.json()).errors[0].field).toBe('productId')
    }
    expect(await lines(mine.id)).toHaveLength(0)

    const p = await product(api, other, { defaultPrice: '3.00' })
    const theirDeal = await deal(api, other, other.rep)
    const { line } = await (
      await other.as(
        other.rep,
        `/deals/${theirDeal.id}/line-items`,
        send('POST', { productId: p.id, quantity: 1 }),
      )
    ).json()
    for (const who of [ws.admin, ws.manager, ws.rep]) {
      expect((await ws.as(who, `/deals/${theirDeal.id}/line-items`)).status).toBe(404)
      const path = `/deals/${theirDeal.id}/line-items/${line.id}`
      expect((await ws.as(who, path, send('PATCH', { quantity: 5 }))).status).toBe(404)
      expect((await ws.as(who, path, send('DELETE'))).status).toBe(404)
      // Their line under my deal: still 404.
      expect((await ws.as(who, `/deals/${mine.id}/line-items/${line.id}`, send('DELETE'))).status).toBe(404)
    }
    expect(await dbTotals(api, theirDeal.id)).toMatchObject({ lineItemsTotal: '3.00', liveSum: '3.00' })
    expect((await ws.as(ws.rep, '/deals/nope/line-items')).status).toBe(400)
  })
})
