import { createDeal, createProcess } from '@aura/db/seed/index'
import { describe, expect } from 'vitest'
import { call, stage, ZDealPage, ZPipelineSummary } from '../../../test/deal-fixtures.ts'
import { it } from '../../../test/fixtures.ts'

describe('GET /pipeline-summary', () => {
  it.beforeAll(async ({ api, ws, other }) => {
    const t = ws.tenant.id
    await createDeal(api.db, { tenantId: t, amount: '1000.00', probability: 10, assignedUserId: ws.rep.id })
    const q = stage(ws, 'Qualified').id
    await createDeal(api.db, {
      tenantId: t,
      amount: '2500.50',
      probability: 25,
      stageId: q,
      assignedUserId: ws.manager.id,
    })
    await createDeal(api.db, {
      tenantId: t,
      amount: '99.99',
      probability: 25,
      stageId: q,
      assignedUserId: ws.rep.id,
    })
    await createDeal(api.db, { tenantId: t, amount: '5.00', stageId: q, deletedAt: new Date() })
    await createDeal(api.db, {
      tenantId: t,
      amount: '700.00',
      probability: 100,
      stageId: stage(ws, 'Won').id,
      status: 'won',
      closedAt: new Date(),
    })
    await createDeal(api.db, { tenantId: other.tenant.id, amount: '123456.78', probability: 50 })
  })

  it('sums count, total and exact probability-weighted value per stage, in order, with open totals', async ({
    ws,
  }) => {
    const { status, body } = await call(ws, ws.manager, '/pipeline-summary', undefined, ZPipelineSummary)
    expect(status).toBe(200)
    expect(body.processId).toBe(ws.defaults.defaultProcess.process.id)
    const row = (name: string) => body.stages.find((s: { name: string }) => s.name === name)
    expect(body.stages.map((s: { name: string }) => s.name)).toEqual([
      'Prospect',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ])
    expect(row('Prospect')).toMatchObject({ count: 1, totalAmount: '1000.00', weightedAmount: '100.00' })
    // 2500.50 × 25% + 99.99 × 25% = 625.125 + 24.9975 = 650.1225 → 650.12 (no float drift)
    expect(row('Qualified')).toMatchObject({ count: 2, totalAmount: '2600.49', weightedAmount: '650.12' })
    expect(row('Proposal')).toMatchObject({ count: 0, totalAmount: '0.00', weightedAmount: '0.00' })
    expect(row('Won')).toMatchObject({ count: 1, totalAmount: '700.00', weightedAmount: '700.00' })
    expect(body.totals).toEqual({ openCount: 3, openAmount: '3600.49', openWeightedAmount: '750.12' })
  })

  it("gives a rep the summary of their own deals (RLS) and another process's numbers on request", async ({
    api,
    ws,
  }) => {
    const mine = (await call(ws, ws.rep, '/pipeline-summary', undefined, ZPipelineSummary)).body
    expect(mine.totals).toEqual({ openCount: 2, openAmount: '1099.99', openWeightedAmount: '125.00' })
    const { process } = await createProcess(api.db, { tenantId: ws.tenant.id })
    const empty = (
      await call(ws, ws.rep, `/pipeline-summary?processId=${process.id}`, undefined, ZPipelineSummary)
    ).body
    expect(empty.totals).toEqual({ openCount: 0, openAmount: '0.00', openWeightedAmount: '0.00' })
    expect(empty.stages).toHaveLength(6)
  })

  it("brings each stage's first deals with ?firstDeals=, newest change first, continued by GET /deals", async ({
    api,
    ws,
  }) => {
    const t = ws.tenant.id
    const q = stage(ws, 'Qualified').id
    for (const name of ['Q1', 'Q2', 'Q3'])
      await createDeal(api.db, { tenantId: t, name, stageId: q, assignedUserId: ws.rep.id, amount: '1.00' })
    const plain = (await call(ws, ws.manager, '/pipeline-summary', undefined, ZPipelineSummary)).body
    expect(plain.stages[0]).not.toHaveProperty('deals')
    const { status, body } = await call(
      ws,
      ws.manager,
      '/pipeline-summary?firstDeals=2',
      undefined,
      ZPipelineSummary,
    )
    expect(status).toBe(200)
    expect(body.stages.map((s: { name: string }) => s.name)).toEqual(
      plain.stages.map((s: { name: string }) => s.name),
    )
    const qualified = body.stages.find((s: { name: string }) => s.name === 'Qualified')
    expect(qualified?.count).toBe(5)
    expect(qualified?.deals?.map((d: { name: string }) => d.name)).toEqual(['Q3', 'Q2'])
    const rest = await call(
      ws,
      ws.manager,
      `/deals?processId=${body.processId}&stageId=${q}&cursor=${encodeURIComponent(qualified?.nextCursor ?? '')}`,
      undefined,
      ZDealPage,
    )
    expect(rest.body.data).toHaveLength(3)
    expect(body.stages.find((s: { name: string }) => s.name === 'Proposal')).toMatchObject({
      deals: [],
      nextCursor: null,
    })
    // A rep's first deals are their own, like their counts.
    const mine = (await call(ws, ws.rep, '/pipeline-summary?firstDeals=100', undefined, ZPipelineSummary))
      .body
    for (const s of mine.stages) expect(s.deals).toHaveLength(s.count)
    expect(
      (await call(ws, ws.manager, '/pipeline-summary?firstDeals=0', undefined, ZPipelineSummary)).status,
    ).toBe(400)
  })

  it("answers 404 for another tenant's process", async ({ ws, other }) => {
    const res = await call(
      ws,
      ws.admin,
      `/pipeline-summary?processId=${other.defaults.defaultProcess.process.id}`,
      undefined,
      ZPipelineSummary,
    )
    expect(res.status).toBe(404)
    expect(
      (await call(ws, ws.admin, '/pipeline-summary?processId=nope', undefined, ZPipelineSummary)).status,
    ).toBe(400)
  })
})
