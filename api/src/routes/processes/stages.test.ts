import { schema } from '@aura/db'
import { createDeal, createProcess } from '@aura/db/seed/index'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditOf,
  call,
  dealRow,
  fields,
  send,
  stageHistory,
  type TestApi,
  type Workspace,
  ZNoContent,
  ZStage,
  ZStageList,
} from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

const SPEC = [
  { name: 'A', winProbability: 10 },
  { name: 'B', winProbability: 40 },
  { name: 'C', winProbability: 70 },
  { name: 'Won', winProbability: 100, kind: 'won' as const },
  { name: 'Won (legacy)', winProbability: 100, kind: 'won' as const },
]

describe('/processes/{id}/stages', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const fresh = () => createProcess(api.db, { tenantId: ws.tenant.id, stages: SPEC })
  const positions = async (processId: string) =>
    (
      await api.db
        .select({ name: schema.processStages.name })
        .from(schema.processStages)
        .where(eq(schema.processStages.processId, processId))
        .orderBy(asc(schema.processStages.position))
    ).map((s) => s.name)

  it('appends a stage and edits name, probability, required fields', async () => {
    const { process } = await fresh()
    const made = await call(
      ws,
      ws.admin,
      `/processes/${process.id}/stages`,
      send('POST', { name: 'D', winProbability: 90, requiredFields: ['amount', 'closeDate', 'amount'] }),
      ZStage,
    )
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      name: 'D',
      position: 5,
      kind: 'open',
      requiredFields: ['amount', 'closeDate'],
    })
    const edited = await call(
      ws,
      ws.admin,
      `/processes/${process.id}/stages/${made.body.id}`,
      send('PATCH', { name: 'Demo', winProbability: 85, requiredFields: ['contactId'] }),
      ZStage,
    )
    expect(edited.body).toMatchObject({ name: 'Demo', winProbability: 85, requiredFields: ['contactId'] })
    const bad = await call(
      ws,
      ws.admin,
      `/processes/${process.id}/stages`,
      send('POST', { name: 'x', requiredFields: ['stage'] }),
      ZStage,
    )
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['requiredFields.0'])
    expect((await auditOf(api, ws.tenant.id, 'process.stage_updated')).length).toBe(1)
  })

  it('reorders with a full permutation only (F11.8)', async () => {
    const { process, stages } = await fresh()
    const ids = stages.map((s) => s.id)
    const reversed = [...ids].reverse()
    const ok = await call(
      ws,
      ws.admin,
      `/processes/${process.id}/stages/reorder`,
      send('POST', { stageIds: reversed }),
      ZStageList,
    )
    expect(ok.status).toBe(200)
    expect(await positions(process.id)).toEqual(['Won (legacy)', 'Won', 'C', 'B', 'A'])
    const { stages: foreign } = await fresh()
    for (const stageIds of [ids.slice(1), [...ids, ids[0]], [...ids.slice(1), foreign[0]?.id]]) {
      const res = await call(
        ws,
        ws.admin,
        `/processes/${process.id}/stages/reorder`,
        send('POST', { stageIds }),
        ZStageList,
      )
      expect(res.status).toBe(422)
      expect(fields(res.body)).toEqual(['stageIds'])
    }
    expect(await positions(process.id)).toEqual(['Won (legacy)', 'Won', 'C', 'B', 'A'])
  })

  it('deletes a stage holding deals only with moveTo; moved deals get history rows', async () => {
    const { process, stages } = await fresh()
    const [a, b, , won, legacy] = stages
    if (!a || !b || !won || !legacy) throw new Error('stages')
    const deals = [
      await createDeal(api.db, {
        tenantId: ws.tenant.id,
        processId: process.id,
        stageId: a.id,
        probability: 10,
      }),
      await createDeal(api.db, {
        tenantId: ws.tenant.id,
        processId: process.id,
        stageId: a.id,
        probability: 10,
      }),
    ]
    const url = `/processes/${process.id}/stages/${a.id}`
    const missing = await call(ws, ws.admin, url, send('DELETE'), ZNoContent)
    expect(missing.status).toBe(422)
    expect(fields(missing.body)).toEqual(['moveTo'])
    const { stages: elsewhere } = await fresh()
    for (const moveTo of [a.id, elsewhere[1]?.id, won.id, other.defaults.defaultProcess.stages[1]?.id]) {
      const res = await call(ws, ws.admin, `${url}?moveTo=${moveTo}`, send('DELETE'), ZNoContent)
      expect(res.status).toBe(422)
      expect(fields(res.body)).toEqual(['moveTo'])
    }
    expect((await call(ws, ws.admin, `${url}?moveTo=${b.id}`, send('DELETE'), ZNoContent)).status).toBe(204)
    for (const deal of deals) {
      expect(await dealRow(api, deal.id)).toMatchObject({ stageId: b.id, probability: 40 })
      const [h] = await stageHistory(api, deal.id)
      expect(h).toMatchObject({
        fromStageName: 'A',
        toStageName: 'B',
        changedBy: ws.admin.id,
        probability: 40,
      })
    }
    const closed = await createDeal(api.db, {
      tenantId: ws.tenant.id,
      processId: process.id,
      stageId: legacy.id,
      status: 'won',
      closedAt: new Date(),
      closedStageName: 'Won (legacy)',
      closedProbability: 100,
    })
    const legacyUrl = `/processes/${process.id}/stages/${legacy.id}?moveTo=${won.id}`
    expect((await call(ws, ws.admin, legacyUrl, send('DELETE'), ZNoContent)).status).toBe(204)
    expect(await dealRow(api, closed.id)).toMatchObject({
      stageId: won.id,
      status: 'won',
      closedStageName: 'Won (legacy)',
    })
  })

  it('keeps at least one open stage, and a stage holding deals keeps its kind', async () => {
    const { process, stages } = await createProcess(api.db, {
      tenantId: ws.tenant.id,
      stages: [
        { name: 'Only open', winProbability: 20 },
        { name: 'Won', winProbability: 100, kind: 'won' },
      ],
    })
    const [open, won] = stages
    const del = await call(
      ws,
      ws.admin,
      `/processes/${process.id}/stages/${open?.id}`,
      send('DELETE'),
      ZNoContent,
    )
    expect(del.status).toBe(422)
    const kind = await call(
      ws,
      ws.admin,
      `/processes/${process.id}/stages/${open?.id}`,
      send('PATCH', { kind: 'lost' }),
      ZStage,
    )
    expect(kind.status).toBe(422)
    expect(fields(kind.body)).toEqual(['kind'])
    await createDeal(api.db, {
      tenantId: ws.tenant.id,
      processId: process.id,
      stageId: won?.id,
      status: 'won',
      closedAt: new Date(),
    })
    const busy = await call(
      ws,
      ws.admin,
      `/processes/${process.id}/stages/${won?.id}`,
      send('PATCH', { kind: 'lost' }),
      ZStage,
    )
    expect(busy.status).toBe(409)
    expect(fields(busy.body)).toEqual(['kind'])
  })

  it('answers 404 for a stage of another process or tenant, and for reps nothing is writable', async () => {
    const { process } = await fresh()
    const otherStage = other.defaults.defaultProcess.stages[0]?.id
    const mine = ws.defaults.defaultProcess.stages[0]?.id
    expect(
      (
        await call(
          ws,
          ws.admin,
          `/processes/${process.id}/stages/${mine}`,
          send('PATCH', { name: 'x' }),
          ZStage,
        )
      ).status,
    ).toBe(404)
    expect(
      (await call(ws, ws.admin, `/processes/${process.id}/stages/${otherStage}`, send('DELETE'), ZNoContent))
        .status,
    ).toBe(404)
    expect(
      (
        await call(
          ws,
          ws.rep,
          `/processes/${process.id}/stages/reorder`,
          send('POST', { stageIds: [mine] }),
          ZStageList,
        )
      ).status,
    ).toBe(403)
    const [theirs] = await api.db
      .select()
      .from(schema.processStages)
      .where(eq(schema.processStages.id, otherStage ?? ''))
    expect(theirs?.name).toBe('Prospect')
  })
})
