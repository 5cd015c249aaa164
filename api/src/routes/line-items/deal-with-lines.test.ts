// GET /deals/{id}?include=lineItems: the deal and the first page of its live lines in one request, with
// the same visibility as the two separate requests (a rep's colleague's deal is a 404, lines and all).
import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'
import { deal, product, send } from '../../../test/pricing-fixtures.ts'

describe('one deal with its lines', () => {
  it('answers the deal and its live lines in order; the next page continues through /line-items', async ({
    api,
    ws,
  }) => {
    const p = await product(api, ws, { defaultPrice: '19.99' })
    const d = await deal(api, ws, ws.rep)
    const added: string[] = []
    for (const quantity of [1, 2, 3]) {
      const res = await ws.as(
        ws.rep,
        `/deals/${d.id}/line-items`,
        send('POST', { productId: p.id, quantity }),
      )
      added.push((await res.json()).line.id)
    }
    await ws.as(ws.rep, `/deals/${d.id}/line-items/${added[1]}`, send('DELETE'))

    const res = await ws.as(ws.rep, `/deals/${d.id}?include=lineItems&lineItemsLimit=1`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ id: d.id, hasLineItems: true, lineItemsTotal: '79.96', amount: '79.96' })
    expect(body.lineItems.data.map((l: { id: string }) => l.id)).toEqual([added[0]])
    expect(body.lineItems.data[0]).toMatchObject({ quantity: 1, extendedPrice: '19.99', removedAt: null })

    const next = await ws.as(ws.rep, `/deals/${d.id}/line-items?cursor=${body.lineItems.nextCursor}`)
    expect((await next.json()).data.map((l: { id: string }) => l.id)).toEqual([added[2]])
  })

  it('leaves the lines out unless asked', async ({ api, ws }) => {
    const d = await deal(api, ws, ws.rep)
    const body = await (await ws.as(ws.rep, `/deals/${d.id}`)).json()
    expect(body.id).toBe(d.id)
    expect(body).not.toHaveProperty('lineItems')
  })

  it("is a 404 for a colleague's deal and for an unknown include", async ({ api, ws }) => {
    const colleague = await ws.member('rep')
    const d = await deal(api, ws, colleague)
    expect((await ws.as(ws.rep, `/deals/${d.id}?include=lineItems`)).status).toBe(404)
    expect((await ws.as(ws.manager, `/deals/${d.id}?include=lineItems`)).status).toBe(200)
    const unknown = await ws.as(ws.manager, `/deals/${d.id}?include=history`)
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(await unknown.json())).toContain('include')
  })
})
