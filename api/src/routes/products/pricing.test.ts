import { schema } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../test/harness.ts'
import {
  auditRows,
  elevate,
  product,
  send,
  type TestApi,
  type Workspace,
} from '../../../test/pricing-fixtures.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('GET/PUT /products/{id}/pricing, GET /products/{id}/price-history', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const history = (productId: string) =>
    api.db
      .select()
      .from(schema.productPriceHistory)
      .where(eq(schema.productPriceHistory.productId, productId))

  it('requires step-up (403 step_up_required) and writes nothing without it', async () => {
    const p = await product(api, ws, { defaultPrice: '10.00' })
    const res = await ws.as(ws.admin, `/products/${p.id}/pricing`, send('PUT', { defaultPrice: '12.00' }))
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('step_up_required')
    await elevate(api, ws.admin, new Date(Date.now() - 1000))
    const expired = await ws.as(ws.admin, `/products/${p.id}/pricing`, send('PUT', { defaultPrice: '12.00' }))
    expect((await expired.json()).code).toBe('step_up_required')
    expect(await history(p.id)).toHaveLength(0)
    const created = await ws.as(
      ws.admin,
      '/products',
      send('POST', { sku: 'NEEDS-STEP-UP', name: 'x', pricing: { defaultPrice: '1.00' } }),
    )
    expect((await created.json()).code).toBe('step_up_required')
  })

  it('lets an elevated admin change pricing: history row with who, audit row, newest first', async () => {
    await elevate(api, ws.admin)
    const p = await product(api, ws, { defaultPrice: '10.00', cost: '4.00' })
    const first = await ws.as(
      ws.admin,
      `/products/${p.id}/pricing`,
      send('PUT', {
        defaultPrice: '12.50',
        cost: '5',
        maxDiscountPercent: '10',
        marginTargetPercent: '40.5',
      }),
    )
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({
      defaultPrice: '12.50',
      cost: '5.00',
      maxDiscountPercent: '10.00',
      marginTargetPercent: '40.50',
    })
    await ws.as(ws.admin, `/products/${p.id}/pricing`, send('PUT', { defaultPrice: '15.00' }))
    // An identical PUT is not a change: no history row.
    await ws.as(ws.admin, `/products/${p.id}/pricing`, send('PUT', { defaultPrice: '15.00' }))

    const page = await (await ws.as(ws.manager, `/products/${p.id}/price-history`)).json()
    expect(page.data).toHaveLength(2)
    expect(page.data[0]).toMatchObject({
      oldPrice: '12.50',
      newPrice: '15.00',
      oldCost: '5.00',
      newCost: null,
      maxDiscountPercent: null,
      changedBy: ws.admin.id,
    })
    expect(page.data[1]).toMatchObject({
      oldPrice: '10.00',
      newPrice: '12.50',
      oldCost: '4.00',
      newCost: '5.00',
    })
    const paged = await (await ws.as(ws.admin, `/products/${p.id}/price-history?limit=1`)).json()
    const next = await (
      await ws.as(ws.admin, `/products/${p.id}/price-history?limit=1&cursor=${paged.nextCursor}`)
    ).json()
    expect([paged.data[0].id, next.data[0].id]).toEqual(page.data.map((h: { id: string }) => h.id))
    expect(next.nextCursor).toBeNull()

    const audits = await auditRows(api, 'product.pricing_changed', p.id)
    expect(audits).toHaveLength(2)
    expect(audits[0]).toMatchObject({
      actorUserId: ws.admin.id,
      before: { defaultPrice: '10.00', cost: '4.00' },
      after: { defaultPrice: '12.50', cost: '5.00', maxDiscountPercent: '10.00' },
    })
  })

  it('creates a product with its first blueprint when elevated (history from null)', async () => {
    await elevate(api, ws.admin)
    const res = await ws.as(
      ws.admin,
      '/products',
      send('POST', {
        sku: 'BUNDLE',
        name: 'Bundle',
        pricing: { defaultPrice: '99.99', maxDiscountPercent: '15' },
      }),
    )
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.pricing).toMatchObject({ defaultPrice: '99.99', maxDiscountPercent: '15.00' })
    const [h] = await history(body.id)
    expect(h).toMatchObject({ oldPrice: null, newPrice: '99.99', changedBy: ws.admin.id })
  })

  it('refuses managers and reps (403) even when elevated; reps cannot read price history', async () => {
    const p = await product(api, ws, { defaultPrice: '10.00' })
    for (const who of [ws.manager, ws.rep]) {
      await elevate(api, who)
      const res = await ws.as(who, `/products/${p.id}/pricing`, send('PUT', { defaultPrice: '1.00' }))
      expect(res.status).toBe(403)
      expect((await res.json()).code).toBe('forbidden')
    }
    expect((await ws.as(ws.rep, `/products/${p.id}/price-history`)).status).toBe(403)
    expect(await history(p.id)).toHaveLength(0)
  })

  it('refuses bad numbers with 400 naming the field', async () => {
    await elevate(api, ws.admin)
    const p = await product(api, ws, { defaultPrice: '10.00' })
    const res = await ws.as(
      ws.admin,
      `/products/${p.id}/pricing`,
      send('PUT', { defaultPrice: '-1', maxDiscountPercent: '120', marginTargetPercent: 'x' }),
    )
    expect(res.status).toBe(400)
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(
      expect.arrayContaining(['defaultPrice', 'maxDiscountPercent', 'marginTargetPercent']),
    )
    const float = await ws.as(ws.admin, `/products/${p.id}/pricing`, send('PUT', { defaultPrice: 10.5 }))
    expect(float.status).toBe(400)
  })

  it("answers 404 for another tenant's product and leaves its pricing alone", async () => {
    await elevate(api, ws.admin)
    const theirs = await product(api, other, { defaultPrice: '10.00' })
    const put = await ws.as(ws.admin, `/products/${theirs.id}/pricing`, send('PUT', { defaultPrice: '0.01' }))
    expect(put.status).toBe(404)
    expect((await ws.as(ws.admin, `/products/${theirs.id}/pricing`)).status).toBe(404)
    expect((await ws.as(ws.admin, `/products/${theirs.id}/price-history`)).status).toBe(404)
    const [bp] = await api.db
      .select()
      .from(schema.pricingBlueprints)
      .where(eq(schema.pricingBlueprints.productId, theirs.id))
    expect(bp?.defaultPrice).toBe('10.00')
    expect(await history(theirs.id)).toHaveLength(0)
  })
})
