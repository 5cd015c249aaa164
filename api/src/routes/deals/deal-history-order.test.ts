// Two moves of one deal at once serialise on the deal's row lock, and the one whose transaction began
// first may commit last. Stage history must still read as one chain (each entry starts where the previous
// ended): changed_at is the moment of the change, not the transaction's start. Needs two connections, so
// Postgres only (PGlite has one and never interleaves transactions).
import { withTenant } from '@aura/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'
import { moveDealToStage } from '../../services/deals/move-deal-to-stage.ts'
import { call, send, stage, type TestApi, type Workspace } from './deal-fixtures.ts'

describe.runIf(process.env.TEST_DATABASE_URL)('stage history under concurrent moves', () => {
  let api: TestApi
  let ws: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
  })
  afterAll(() => api.close())

  it('lists the moves in the order they happened, as one chain', async () => {
    const deal = (await call(ws, ws.rep, '/deals', send('POST', { name: 'Raced', amount: '10.00' }))).body
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const ctx = { tenantId: ws.tenant.id, userId: ws.rep.id, role: 'rep' as const }
    // Begins first, moves last.
    const early = withTenant(api.db, ctx, async (tx) => {
      await gate
      return moveDealToStage(tx, ctx, deal.id, { stageId: stage(ws, 'Negotiation').id })
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const late = await call(
      ws,
      ws.rep,
      `/deals/${deal.id}/stage`,
      send('POST', { stageId: stage(ws, 'Proposal').id }),
    )
    expect(late.status).toBe(200)
    release()
    await early

    const res = await call(ws, ws.rep, `/deals/${deal.id}/history`)
    const moves = (res.body.stageChanges as { fromStageName: string | null; toStageName: string }[])
      .slice()
      .reverse()
    expect(moves.map((m) => m.toStageName)).toEqual(['Prospect', 'Proposal', 'Negotiation'])
    for (let i = 1; i < moves.length; i++) expect(moves[i]?.fromStageName).toBe(moves[i - 1]?.toStageName)
  })
})
