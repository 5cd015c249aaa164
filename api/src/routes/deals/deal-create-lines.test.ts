// "New deal" with its products (F13.1, issue 13): POST /deals takes `lineItems` and adds them in the
// deal's own transaction, by the same rules as adding one later; one refused line refuses the whole deal.
import { schema } from '@aura/db'
import { eq } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { call, fields, send, stageHistory, ZDeal, ZRefusal } from '../../../test/deal-fixtures.ts'
import { it } from '../../../test/fixtures.ts'
import { auditRows, dbTotals, product } from '../../../test/pricing-fixtures.ts'

const dealsNamed = (api: { db: import('@aura/db').Db }, name: string) =>
  api.db.select({ id: schema.deals.id }).from(schema.deals).where(eq(schema.deals.name, name))

describe('POST /deals with lineItems', () => {
  it('creates the deal with its products in one go: amount is their exact total, each line audited', async ({
    api,
    ws,
  }) => {
    const seat = await product(api, ws, { defaultPrice: '19.99' })
    const cent = await product(api, ws, { defaultPrice: '0.10' })
    const res = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', {
        name: 'Starter pack',
        amount: '0.00',
        lineItems: [
          { productId: seat.id, quantity: 3 },
          { productId: cent.id, quantity: 7 },
        ],
      }),
      ZDeal,
    )
    expect(res.status).toBe(201)
    expect(res.body.amount).toBe('60.67')
    expect(await dbTotals(api, res.body.id)).toEqual({
      amount: '60.67',
      lineItemsTotal: '60.67',
      liveSum: '60.67',
    })
    expect(await auditRows(api, 'deal.line_item_added', res.body.id)).toHaveLength(2)
    // The deal starts its history (and its "Deal created" line on the timeline) at the lines' total.
    const [placed] = await stageHistory(api, res.body.id)
    expect(placed?.amount).toBe('60.67')
  })

  it('refuses the whole deal when one line is refused, naming that line', async ({ api, ws }) => {
    const ok = await product(api, ws, { defaultPrice: '100.00' })
    const off = await product(api, ws, { defaultPrice: '5.00' }, { isActive: false })
    const name = 'Half a deal'
    const res = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', {
        name,
        lineItems: [
          { productId: ok.id, quantity: 1 },
          { productId: off.id, quantity: 1 },
        ],
      }),
      ZRefusal,
    )
    expect(res.status).toBe(422)
    expect(fields(res.body)).toEqual(['lineItems.1.productId'])
    expect(await dealsNamed(api, name)).toEqual([])
  })

  it('names an unknown key inside a line, and a malformed quantity, by their full path', async ({
    api,
    ws,
  }) => {
    const seat = await product(api, ws, { defaultPrice: '19.99' })
    const res = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', {
        name: 'Typo',
        lineItems: [
          { productId: seat.id, quantity: 1, discount: '5' },
          { productId: seat.id, quantity: 0 },
        ],
      }),
      ZRefusal,
    )
    expect(res.status).toBe(400)
    expect(fields(res.body)).toEqual(['lineItems.0.discount', 'lineItems.1.quantity'])
    expect(await dealsNamed(api, 'Typo')).toEqual([])
  })
})
