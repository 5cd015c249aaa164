// Two moves of one deal at once serialise on the deal's row lock, and the one whose transaction began
// first may commit last. Stage history must still read as one chain (each entry starts where the previous
// ended): changed_at is the moment of the change, not the transaction's start. Needs two connections, so
// Postgres only (PGlite has one and never interleaves transactions).
import { withTenant } from '@aura/db'
import { describe, expect } from 'vitest'
import { call, send, stage, ZDeal, ZDealHistory } from '../../../test/deal-fixtures.ts'
import { it } from '../../../test/fixtures.ts'
import { moveDealToStage } from '../../services/deals/move-deal-to-stage.ts'

describe.runIf(process.env.TEST_DATABASE_URL)('stage history under concurrent moves', () => {
  it('lists the moves in the order they happened, as one chain', async ({ api, ws }) => {
    const deal = (await call(ws, ws.rep, '/deals', send('POST', { name: 'Raced', amount: '10.00' }), ZDeal))
      .body
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const ctx = { tenantId: ws.tenant.id, userId: ws.rep.id, role: 'rep' as const }
    // Begins first, moves last.
    const early = withTenant(api.db, ctx, async (tx) => {
      await gate
      return moveDealToStage(tx, {
        actor: { ...ctx, requestId: 'test' },
        id: deal.id,
        target: { stageId: stage(ws, 'Negotiation').id },
      })
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const late = await call(
      ws,
      ws.rep,
      `/deals/${deal.id}/stage`,
      send('POST', { stageId: stage(ws, 'Proposal').id }),
      ZDeal,
    )
    expect(late.status).toBe(200)
    release()
    await early

    const res = await call(ws, ws.rep, `/deals/${deal.id}/history`, undefined, ZDealHistory)
    const moves = (res.body.stageChanges as { fromStageName: string | null; toStageName: string }[])
      .slice()
      .reverse()
    expect(moves.map((m) => m.toStageName)).toEqual(['Prospect', 'Proposal', 'Negotiation'])
    for (let i = 1; i < moves.length; i++) expect(moves[i]?.fromStageName).toBe(moves[i - 1]?.toStageName)
  })
})
