// Many writers at once on the same few totals rows (Postgres only: PGlite has one connection). Moves in
// both directions between the same stages, amount edits and line-item changes race through the API's
// pool; none may fail (no deadlock, no lost update), and afterwards every member's summary equals the
// aggregate of the deals and the totals pass the generator's check.

import { Rng } from '@aura/db/seed/generate/index'
import { createDeal, createProduct } from '@aura/db/seed/index'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, send, type TestApi, type Workspace, ZRefusal } from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { expectSummariesExact } from '../../../test/summary-fixtures.ts'
import { createWorkspace, type Member } from '../../../test/workspace.ts'

const ROUNDS = 4
const WRITES_PER_ROUND = 60

describe.skipIf(!process.env.TEST_DATABASE_URL)('pipeline stage totals under concurrent writers', () => {
  let api: TestApi
  let ws: Workspace
  let members: Member[]
  let dealIds: string[]
  let productId: string

  beforeAll(async () => {
    api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '100000' })
    ws = await createWorkspace(api)
    const rep2 = await ws.member('rep')
    members = [ws.admin, ws.manager, ws.rep, rep2]
    const stages = ws.defaults.defaultProcess.stages
    // 24 deals over two owners and no owner, half of them created by the manager: every write lands on
    // one of a handful of rows per stage, the creator rows shared by both reps' deals.
    const owners = [ws.rep.id, rep2.id, null]
    dealIds = []
    for (let i = 0; i < 24; i++) {
      const deal = await createDeal(api.db, {
        tenantId: ws.tenant.id,
        stageId: stages[i % 2]?.id,
        amount: `${100 + i}.25`,
        probability: 10,
        assignedUserId: owners[i % 3],
        createdBy: i % 2 ? ws.manager.id : (owners[i % 3] ?? ws.admin.id),
      })
      dealIds.push(deal.id)
    }
    const { product } = await createProduct(api.db, {
      tenantId: ws.tenant.id,
      blueprint: { defaultPrice: '19.99' },
    })
    productId = product.id
  })
  afterAll(() => api.close())

  /** One random write as the manager (who may touch every deal); resolves to the HTTP status. */
  function write(rng: Rng): Promise<number> {
    const dealId = rng.pick(dealIds)
    const stages = ws.defaults.defaultProcess.stages
    const as = (path: string, init: RequestInit) =>
      call(ws, ws.manager, path, init, ZRefusal).then((r) => r.status)
    switch (rng.int(0, 3)) {
      case 0:
      case 1:
        // Mostly between the first two stages, in both directions, sometimes to won or lost.
        return as(
          `/deals/${dealId}/stage`,
          send('POST', { stageId: rng.pick(rng.chance(0.8) ? stages.slice(0, 2) : stages).id }),
        )
      case 2:
        return as(`/deals/${dealId}/line-items`, send('POST', { productId, quantity: rng.int(1, 5) }))
      default:
        // Refused with 422 once the deal has line items (its amount follows them): still a clean answer.
        return as(`/deals/${dealId}`, send('PATCH', { amount: `${rng.int(1, 9999)}.${rng.int(10, 99)}` }))
    }
  }

  it('stays exact and deadlock-free with moves and line-item changes racing on the same rows', async () => {
    const rng = new Rng('pipeline-totals-concurrency')
    for (let round = 0; round < ROUNDS; round++) {
      const statuses = await Promise.all(Array.from({ length: WRITES_PER_ROUND }, () => write(rng)))
      expect(statuses.filter((s) => s >= 500)).toEqual([])
      expect(statuses.filter((s) => s < 300).length).toBeGreaterThan(WRITES_PER_ROUND / 2)
      await expectSummariesExact(api.db, ws, members, [ws.defaults.defaultProcess.process.id])
    }
  })
})
