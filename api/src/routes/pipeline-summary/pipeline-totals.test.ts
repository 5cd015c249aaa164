// The pipeline stage totals (ADR 0105) follow every kind of deal write through the API, in the same
// transaction: after each step GET /pipeline-summary equals the summary aggregated from the deals from
// scratch, for the admin, the manager and two reps, in both processes involved.
import { schema, withTenant } from '@aura/db'
import { createDeal, createLineItem, createProcess, createProduct } from '@aura/db/seed/index'
import { INSUFFICIENT_PRIVILEGE, outcome, rows } from '@aura/db/test/helpers'
import { z } from '@hono/zod-openapi'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  call,
  send,
  stage,
  type TestApi,
  type Workspace,
  ZDeal,
  ZNoContent,
  ZPipelineSummary,
} from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { expectSummariesExact } from '../../../test/summary-fixtures.ts'
import { createWorkspace, elevate, type Member } from '../../../test/workspace.ts'
import { ZLineItemChange } from '../line-items/line-items.schemas.ts'

describe('pipeline stage totals follow every deal write', () => {
  let api: TestApi
  let ws: Workspace
  let rep2: Member
  let members: Member[]
  let mainProcess: string
  let otherProcess: { id: string; firstStage: string }
  const deals: Record<string, string> = {}

  beforeAll(async () => {
    api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '100000' })
    ws = await createWorkspace(api)
    rep2 = await ws.member('rep')
    members = [ws.admin, ws.manager, ws.rep, rep2]
    mainProcess = ws.defaults.defaultProcess.process.id
    const other = await createProcess(api.db, { tenantId: ws.tenant.id })
    otherProcess = { id: other.process.id, firstStage: other.stages[0]?.id ?? '' }
  })
  afterAll(() => api.close())

  /** A deal write answers the deal (PATCH, stage move), a line and the totals, or nothing (DELETE). */
  const ZDealWrite = z.union([ZDeal, ZLineItemChange, ZNoContent])
  const exact = () => expectSummariesExact(api.db, ws, members, [mainProcess, otherProcess.id])
  const create = async (who: Member, body: Record<string, unknown>) => {
    const res = await call(ws, who, '/deals', send('POST', body), ZDeal)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.id as string
  }
  const ok = async (who: Member, path: string, init: RequestInit) => {
    const res = await call(ws, who, path, init, ZDealWrite)
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300)
    return res.body
  }
  const move = (who: Member, id: string, stageName: string, more: { reopen?: boolean } = {}) =>
    ok(who, `/deals/${id}/stage`, send('POST', { stageId: stage(ws, stageName).id, ...more }))

  it('counts created deals per owner, creator and unowned, and the manager sees the team', async () => {
    deals.a = await create(ws.rep, { name: 'A', amount: '1000.00' })
    deals.b = await create(ws.rep, { name: 'B', amount: '99.99', stageId: stage(ws, 'Qualified').id })
    // Created by the manager for a rep: the rep sees it as its owner, the manager as a lead.
    deals.c = await create(ws.manager, { name: 'C', amount: '2500.50', assignedUserId: ws.rep.id })
    deals.d = await create(ws.admin, { name: 'D', amount: '0.03', assignedUserId: rep2.id })
    // No owner at all: only leads see it, and they must.
    deals.e = await create(ws.manager, { name: 'E', amount: '7.77' })
    await ok(ws.manager, `/deals/${deals.e}`, send('PATCH', { assignedUserId: null }))
    await exact()
    const lead = (
      await call(ws, ws.manager, `/pipeline-summary?processId=${mainProcess}`, undefined, ZPipelineSummary)
    ).body
    expect(lead.totals).toEqual({ openCount: 5, openAmount: '3608.29', openWeightedAmount: '375.83' })
  })

  it('follows moves through open, won and lost stages and back (status and probability change)', async () => {
    await move(ws.rep, deals.a ?? '', 'Proposal')
    await move(ws.rep, deals.b ?? '', 'Won')
    await move(ws.manager, deals.c ?? '', 'Lost')
    await exact()
    await move(ws.manager, deals.c ?? '', 'Negotiation', { reopen: true })
    await move(ws.rep, deals.b ?? '', 'Lost')
    await exact()
  })

  it('follows amount and probability edits, and ignores edits that change no total', async () => {
    await ok(ws.rep, `/deals/${deals.a}`, send('PATCH', { amount: '1234.56', probability: 33 }))
    await ok(rep2, `/deals/${deals.d}`, send('PATCH', { probability: 99 }))
    await exact()
    // A name or notes edit rewrites no totals row (no lock, no new row version).
    const versions = () =>
      rows<{ v: string }>(
        api.db,
        sql`select string_agg(xmin::text, ',' order by xmin::text) as v from pipeline_stage_totals
          where tenant_id = ${ws.tenant.id}`,
      )
    const before = await versions()
    await ok(ws.rep, `/deals/${deals.a}`, send('PATCH', { name: 'A renamed', notes: 'called' }))
    expect(await versions()).toEqual(before)
  })

  it('follows line items through the deal totals trigger: add, change quantity, remove', async () => {
    const { product } = await createProduct(api.db, {
      tenantId: ws.tenant.id,
      blueprint: { defaultPrice: '19.99' },
    })
    const { body: line } = await call(
      ws,
      ws.rep,
      `/deals/${deals.a}/line-items`,
      send('POST', { productId: product.id, quantity: 3 }),
      ZLineItemChange,
    )
    await ok(ws.rep, `/deals/${deals.a}/line-items`, send('POST', { productId: product.id, quantity: 1 }))
    await exact()
    const path = `/deals/${deals.a}/line-items/${line.line.id}`
    await ok(ws.rep, path, send('PATCH', { quantity: 7 }))
    await exact()
    await ok(ws.rep, path, send('DELETE'))
    await exact()
  })

  it('follows reassignment: the new owner gains the deal, a creator keeps seeing it', async () => {
    // A was created by the rep: reassigned to rep2 it counts for rep2 as owner and still for the rep.
    await ok(ws.manager, `/deals/${deals.a}`, send('PATCH', { assignedUserId: rep2.id }))
    await ok(ws.manager, `/deals/${deals.c}`, send('PATCH', { assignedUserId: rep2.id }))
    await exact()
    const mine = (
      await call(ws, ws.rep, `/pipeline-summary?processId=${mainProcess}`, undefined, ZPipelineSummary)
    ).body
    expect(mine.stages.find((s: { name: string }) => s.name === 'Proposal')?.count).toBe(1)
    await ok(ws.manager, `/deals/${deals.a}`, send('PATCH', { assignedUserId: ws.rep.id }))
    await exact()
  })

  it('follows a move to another process', async () => {
    await ok(
      ws.manager,
      `/deals/${deals.d}/stage`,
      send('POST', { processId: otherProcess.id, stageId: otherProcess.firstStage }),
    )
    await exact()
    const there = (
      await call(ws, rep2, `/pipeline-summary?processId=${otherProcess.id}`, undefined, ZPipelineSummary)
    ).body
    expect(there.totals.openCount).toBe(1)
  })

  it('follows soft delete', async () => {
    await ok(ws.rep, `/deals/${deals.b}`, send('DELETE'))
    await ok(ws.manager, `/deals/${deals.e}`, send('DELETE'))
    await exact()
  })

  it('follows a stage deleted with its deals moved to another stage (one set-based update)', async () => {
    const extra = await createDeal(api.db, {
      tenantId: ws.tenant.id,
      stageId: stage(ws, 'Qualified').id,
      amount: '10.00',
      probability: 25,
      assignedUserId: ws.rep.id,
      createdBy: ws.manager.id,
    })
    deals.extra = extra.id
    await exact()
    await elevate(api, ws.admin)
    const qualified = stage(ws, 'Qualified').id
    const res = await ws.as(
      ws.admin,
      `/processes/${mainProcess}/stages/${qualified}?moveTo=${stage(ws, 'Prospect').id}`,
      send('DELETE'),
    )
    expect(res.status).toBe(204)
    const left = await rows<{ n: number }>(
      api.db,
      sql`select count(*)::int as n from pipeline_stage_totals where stage_id = ${qualified}`,
    )
    expect(left).toEqual([{ n: 0 }])
    await exact()
  })

  it('follows a hard delete (retention purge of one deal, line items included)', async () => {
    const { product } = await createProduct(api.db, {
      tenantId: ws.tenant.id,
      blueprint: { defaultPrice: '5.00' },
    })
    const doomed = await createDeal(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.rep.id })
    await createLineItem(api.db, {
      tenantId: ws.tenant.id,
      dealId: doomed.id,
      productId: product.id,
      quantity: 2,
    })
    await exact()
    await api.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.purge', 'on', true)`)
      await tx.delete(schema.deals).where(eq(schema.deals.id, doomed.id))
    })
    await exact()
  })
})

describe('pipeline stage totals under tenant purge and RLS', () => {
  let api: TestApi
  let ws: Workspace
  let rep2: Member
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    rep2 = await ws.member('rep')
    const t = ws.tenant.id
    const { product } = await createProduct(api.db, { tenantId: t, blueprint: { defaultPrice: '3.00' } })
    for (const [owner, creator] of [
      [ws.rep.id, ws.rep.id],
      [ws.rep.id, ws.manager.id],
      [rep2.id, ws.rep.id],
      [null, ws.admin.id],
    ] as const) {
      const d = await createDeal(api.db, { tenantId: t, assignedUserId: owner, createdBy: creator })
      await createLineItem(api.db, { tenantId: t, dealId: d.id, productId: product.id, quantity: 2 })
    }
  })
  afterAll(() => api.close())

  const visible = (who: Member) =>
    withTenant(api.db, { tenantId: ws.tenant.id, userId: who.id, role: who.role }, (tx) =>
      rows<{ by_creator: boolean; user_id: string | null }>(
        tx,
        sql`select by_creator, user_id from pipeline_stage_totals order by by_creator, user_id nulls first`,
      ),
    )

  it('shows leads the by-owner rows of the tenant and a rep only the rows counting them', async () => {
    expect(await visible(ws.manager)).toEqual([
      { by_creator: false, user_id: null },
      ...[ws.rep.id, rep2.id].sort().map((id) => ({ by_creator: false, user_id: id })),
    ])
    expect(await visible(ws.rep)).toEqual([
      { by_creator: false, user_id: ws.rep.id },
      { by_creator: true, user_id: ws.rep.id },
    ])
    expect(await visible(rep2)).toEqual([{ by_creator: false, user_id: rep2.id }])
  })

  it('cannot be written by crm_app, whatever the role', async () => {
    for (const statement of [
      sql`update pipeline_stage_totals set deal_count = deal_count + 1`,
      sql`delete from pipeline_stage_totals`,
      sql`insert into pipeline_stage_totals (tenant_id, process_id, stage_id, status, by_creator, user_id)
        select tenant_id, process_id, stage_id, status, by_creator, user_id from pipeline_stage_totals`,
      sql`select rebuild_pipeline_stage_totals(${ws.tenant.id}::uuid)`,
    ])
      expect(
        await outcome(() =>
          withTenant(api.db, { tenantId: ws.tenant.id, userId: ws.admin.id, role: 'admin' }, (tx) =>
            tx.execute(statement),
          ),
        ),
      ).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('goes with its tenant: a purge cascading through deals and line items succeeds and leaves none', async () => {
    const count = () =>
      rows<{ n: number }>(
        api.db,
        sql`select count(*)::int as n from pipeline_stage_totals where tenant_id = ${ws.tenant.id}`,
      )
    expect((await count())[0]?.n).toBeGreaterThan(0)
    await api.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.purge', 'on', true)`)
      await tx.delete(schema.tenants).where(eq(schema.tenants.id, ws.tenant.id))
    })
    expect(await count()).toEqual([{ n: 0 }])
  })
})
