// Cost is for managers and admins (ADR 0060), and a line's margin gives the cost away
// (cost = unitPrice × (1 − margin/100)), so reps never get the margin, on any answer that carries a line
// (ADR 0140).
import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'
import { deal, product, send } from '../../../test/pricing-fixtures.ts'

describe('line item margins: hidden from reps, shown to managers and admins', () => {
  it('a rep cannot read a margin (and so the cost) from adding, changing or listing lines', async ({
    api,
    ws,
  }) => {
    const p = await product(api, ws, { defaultPrice: '200.00', cost: '130.00' })
    const d = await deal(api, ws, ws.rep)
    const added = await ws.as(
      ws.rep,
      `/deals/${d.id}/line-items`,
      send('POST', { productId: p.id, quantity: 1 }),
    )
    expect(added.status).toBe(201)
    const { line } = await added.json()
    expect(line.marginPercent).toBeNull()
    const path = `/deals/${d.id}/line-items/${line.id}`
    const changed = await ws.as(ws.rep, path, send('PATCH', { unitPrice: '190.00' }))
    expect((await changed.json()).line.marginPercent).toBeNull()
    const listed = await (await ws.as(ws.rep, `/deals/${d.id}/line-items`)).json()
    expect(listed.data.map((l: { marginPercent: unknown }) => l.marginPercent)).toEqual([null])
    // The cost as a value or any cost field; a bare '130' matched a timestamp's milliseconds once.
    expect(JSON.stringify(listed)).not.toMatch(/"130\.00"|"cost/i)

    for (const lead of [ws.manager, ws.admin]) {
      const seen = await (await ws.as(lead, `/deals/${d.id}/line-items`)).json()
      // (190 − 130) / 190 = 31.58 %
      expect(seen.data[0].marginPercent).toBe('31.58')
    }
  })
})
