// Bulk operations on deals: all or nothing, one audit row per deal, and never past the caller's reach — a
// rep's selection holding a colleague's deal changes nothing, and only managers and admins reassign.
import { schema } from '@aura/db'
import { createDeal } from '@aura/db/seed/index'
import { eq, sql } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { auditOf, dealRow, stage } from '../../../test/deal-fixtures.ts'
import { call, fields, it, send, type Workspace, ZRefusal } from '../../../test/fixtures.ts'
import type { Member } from '../../../test/workspace.ts'
import { ZBulkResult } from './deals-bulk.routes.ts'

const bulk = (ws: Workspace, who: Member, body: unknown) =>
  call(ws, who, '/deals/bulk', send('POST', body), ZBulkResult)

describe('POST /deals/bulk', () => {
  it('a manager reassigns the listed deals in one go, one audit row each', async ({ api, ws }) => {
    const own = { tenantId: ws.tenant.id, assignedUserId: ws.rep.id, createdBy: ws.rep.id }
    const deals = await Promise.all([1, 2, 3].map((n) => createDeal(api.db, { ...own, name: `Bulk R${n}` })))
    const ids = deals.map((d) => d.id)
    const res = await bulk(ws, ws.manager, { action: 'reassign', assignedUserId: ws.manager.id, ids })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ action: 'reassign', count: 3, dryRun: false })
    for (const id of ids) expect((await dealRow(api, id))?.assignedUserId).toBe(ws.manager.id)
    const audited = (await auditOf(api, ws.tenant.id, 'deal.reassigned')).map((a) => a.entityId)
    expect(audited).toEqual(expect.arrayContaining(ids))
  })

  it('a rep may not reassign, and a selection with a colleague’s deal changes nothing', async ({
    api,
    ws,
  }) => {
    const mine = await createDeal(api.db, {
      tenantId: ws.tenant.id,
      assignedUserId: ws.rep.id,
      createdBy: ws.rep.id,
    })
    const theirs = await createDeal(api.db, {
      tenantId: ws.tenant.id,
      assignedUserId: ws.manager.id,
      createdBy: ws.manager.id,
    })
    const reassign = await bulk(ws, ws.rep, {
      action: 'reassign',
      assignedUserId: ws.rep.id,
      ids: [theirs.id],
    })
    expect(reassign.status).toBe(404)
    expect((await dealRow(api, theirs.id))?.assignedUserId).toBe(ws.manager.id)

    const toOther = await bulk(ws, ws.rep, {
      action: 'reassign',
      assignedUserId: ws.manager.id,
      ids: [mine.id],
    })
    expect(toOther.status).toBe(403)
    expect((await dealRow(api, mine.id))?.assignedUserId).toBe(ws.rep.id)

    const del = await bulk(ws, ws.rep, { action: 'delete', ids: [mine.id, theirs.id] })
    expect(del.status).toBe(404)
    expect(fields(del.body)).toEqual(['ids.1'])
    expect((await dealRow(api, mine.id))?.deletedAt).toBeNull()
    expect((await dealRow(api, theirs.id))?.deletedAt).toBeNull()
  })

  it('moves every deal a filter matches that the caller can see, and dryRun only counts', async ({
    api,
    ws,
  }) => {
    const from = stage(ws, 'Qualified')
    const to = stage(ws, 'Proposal')
    const inStage = {
      tenantId: ws.tenant.id,
      stageId: from.id,
      processId: ws.defaults.defaultProcess.process.id,
    }
    const mine = await Promise.all(
      [1, 2].map(() => createDeal(api.db, { ...inStage, assignedUserId: ws.rep.id, createdBy: ws.rep.id })),
    )
    const theirs = await createDeal(api.db, {
      ...inStage,
      assignedUserId: ws.manager.id,
      createdBy: ws.manager.id,
    })
    const filter = { stageId: from.id }
    const dry = await bulk(ws, ws.rep, { action: 'move', stageId: to.id, filter, dryRun: true })
    expect(dry.body).toMatchObject({ count: 2, dryRun: true })
    for (const d of mine) expect((await dealRow(api, d.id))?.stageId).toBe(from.id)

    const moved = await bulk(ws, ws.rep, { action: 'move', stageId: to.id, filter })
    expect(moved.body).toMatchObject({ count: 2 })
    for (const d of mine) expect((await dealRow(api, d.id))?.stageId).toBe(to.id)
    expect((await dealRow(api, theirs.id))?.stageId).toBe(from.id)
    const audited = (await auditOf(api, ws.tenant.id, 'deal.stage_changed')).map((a) => a.entityId)
    expect(audited).toEqual(expect.arrayContaining(mine.map((d) => d.id)))
  })

  it('refuses a stage of another process for any deal, naming it, and moves none', async ({ api, ws }) => {
    const own = { tenantId: ws.tenant.id, assignedUserId: ws.manager.id, createdBy: ws.manager.id }
    const a = await createDeal(api.db, own)
    const b = await createDeal(api.db, own)
    const created = await call(
      ws,
      ws.admin,
      '/processes',
      send('POST', { name: 'Bulk other process', stages: [{ name: 'Elsewhere', winProbability: 10 }] }),
      ZRefusal,
    )
    expect(created.status).toBe(201)
    const [other] = await api.db
      .select()
      .from(schema.processStages)
      .where(eq(schema.processStages.name, 'Elsewhere'))
    const res = await bulk(ws, ws.manager, { action: 'move', stageId: other?.id, ids: [a.id, b.id] })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(fields(res.body)).toEqual(['ids.0'])
    expect((await dealRow(api, a.id))?.stageId).toBe(a.stageId)
  })

  it('refuses more than 500 matching deals rather than doing some', async ({ api, ws }) => {
    const lead = stage(ws, 'Negotiation')
    const first = await createDeal(api.db, {
      tenantId: ws.tenant.id,
      processId: ws.defaults.defaultProcess.process.id,
      stageId: lead.id,
      assignedUserId: ws.manager.id,
      createdBy: ws.manager.id,
      name: 'Cap 0',
    })
    await api.db.execute(sql`insert into deals (tenant_id, name, process_id, stage_id, assigned_user_id, created_by)
      select tenant_id, 'Cap ' || n, process_id, stage_id, assigned_user_id, created_by
      from deals, generate_series(1, 500) n where id = ${first.id}`)
    const res = await bulk(ws, ws.manager, { action: 'delete', filter: { stageId: lead.id } })
    expect(res.status).toBe(422)
    expect(fields(res.body)).toEqual(['filter'])
    const left = (await api.db.execute(
      sql`select count(*)::int as n from deals where tenant_id = ${ws.tenant.id} and name like 'Cap %' and deleted_at is null`,
    )) as unknown as { rows: { n: number }[] }
    expect(left.rows[0]?.n).toBe(501)
  })

  it('wants exactly one of ids and filter', async ({ ws }) => {
    for (const body of [{ action: 'delete' }, { action: 'delete', ids: [ws.rep.id], filter: {} }]) {
      const res = await bulk(ws, ws.manager, body)
      expect(res.status).toBe(400)
      expect(fields(res.body)).toEqual(['ids'])
    }
  })
})
