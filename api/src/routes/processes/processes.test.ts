import { schema } from '@aura/db'
import { createDeal, createProcess } from '@aura/db/seed/index'
import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditOf,
  call,
  fields,
  send,
  type TestApi,
  type Workspace,
  ZNoContent,
  ZProcess,
  ZProcessList,
  ZStage,
} from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace, elevate } from '../../../test/workspace.ts'

describe('/processes', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
    await elevate(api, ws.admin)
    await elevate(api, other.admin)
  })
  afterAll(() => api.close())

  const defaults = (tenantId: string) =>
    api.db
      .select({ id: schema.salesProcesses.id })
      .from(schema.salesProcesses)
      .where(and(eq(schema.salesProcesses.tenantId, tenantId), eq(schema.salesProcesses.isDefault, true)))

  it('lets every role read processes with ordered stages; only admins write (403)', async () => {
    for (const who of [ws.admin, ws.manager, ws.rep]) {
      const { status, body } = await call(ws, who, '/processes', undefined, ZProcessList)
      expect(status).toBe(200)
      const p = body.data.find((x: { isDefault: boolean }) => x.isDefault)
      expect(p?.stages.map((s: { name: string }) => s.name)).toEqual([
        'Prospect',
        'Qualified',
        'Proposal',
        'Negotiation',
        'Won',
        'Lost',
      ])
    }
    for (const who of [ws.manager, ws.rep]) {
      expect((await call(ws, who, '/processes', send('POST', { name: 'Nope' }), ZProcess)).status).toBe(403)
      const id = ws.defaults.defaultProcess.process.id
      expect((await call(ws, who, `/processes/${id}`, send('PATCH', { name: 'x' }), ZProcess)).status).toBe(
        403,
      )
      expect(
        (await call(ws, who, `/processes/${id}/stages`, send('POST', { name: 'x' }), ZStage)).status,
      ).toBe(403)
    }
  })

  it('creates a process with stages in one go, audited; needs an open stage', async () => {
    const { status, body } = await call(
      ws,
      ws.admin,
      '/processes',
      send('POST', {
        name: 'Renewals',
        stages: [
          { name: 'Due', winProbability: 60, requiredFields: ['closeDate'] },
          { name: 'Renewed', kind: 'won', winProbability: 100 },
        ],
      }),
      ZProcess,
    )
    expect(status).toBe(201)
    expect(body).toMatchObject({ name: 'Renewals', isDefault: false, archived: false })
    expect(body.stages.map((s: { name: string; position: number }) => [s.name, s.position])).toEqual([
      ['Due', 0],
      ['Renewed', 1],
    ])
    expect((await auditOf(api, ws.tenant.id, 'process.created')).map((a) => a.entityId)).toContain(body.id)
    const empty = await call(ws, ws.admin, '/processes', send('POST', { name: 'Later' }), ZProcess)
    expect(empty.status).toBe(201)
    expect(empty.body.stages).toEqual([])
    const closedOnly = await call(
      ws,
      ws.admin,
      '/processes',
      send('POST', { name: 'Bad', stages: [{ name: 'Won', kind: 'won' }] }),
      ZProcess,
    )
    expect(closedOnly.status).toBe(422)
    expect(fields(closedOnly.body)).toEqual(['stages'])
    const bad = await call(
      ws,
      ws.admin,
      '/processes',
      send('POST', { name: '', stages: [{ name: 'x', winProbability: 101 }] }),
      ZProcess,
    )
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['name', 'stages.0.winProbability'])
  })

  it('swaps the default in one transaction: exactly one default; the default cannot be archived', async () => {
    const { process } = await createProcess(api.db, { tenantId: ws.tenant.id, name: 'Enterprise' })
    const swapped = await call(
      ws,
      ws.admin,
      `/processes/${process.id}`,
      send('PATCH', { isDefault: true }),
      ZProcess,
    )
    expect(swapped.status).toBe(200)
    expect(swapped.body.isDefault).toBe(true)
    expect(await defaults(ws.tenant.id)).toEqual([{ id: process.id }])
    const archive = await call(
      ws,
      ws.admin,
      `/processes/${process.id}`,
      send('PATCH', { archived: true }),
      ZProcess,
    )
    expect(archive.status).toBe(422)
    expect(fields(archive.body)).toEqual(['archived'])
    const unset = await call(
      ws,
      ws.admin,
      `/processes/${process.id}`,
      send('PATCH', { isDefault: false }),
      ZProcess,
    )
    expect(unset.status).toBe(400)
    const back = ws.defaults.defaultProcess.process.id
    expect(
      (await call(ws, ws.admin, `/processes/${back}`, send('PATCH', { isDefault: true }), ZProcess)).status,
    ).toBe(200)
    expect(await defaults(ws.tenant.id)).toEqual([{ id: back }])
    expect((await auditOf(api, ws.tenant.id, 'process.default_changed')).length).toBeGreaterThanOrEqual(2)
  })

  it('archives (hidden from the list, kept) and unarchives', async () => {
    const { process } = await createProcess(api.db, { tenantId: ws.tenant.id, name: 'Old' })
    const res = await call(
      ws,
      ws.admin,
      `/processes/${process.id}`,
      send('PATCH', { archived: true, name: 'Older' }),
      ZProcess,
    )
    expect(res.body).toMatchObject({ archived: true, name: 'Older' })
    const ids = async (q = '') =>
      (await call(ws, ws.rep, `/processes${q}`, undefined, ZProcessList)).body.data.map(
        (p: { id: string }) => p.id,
      )
    expect(await ids()).not.toContain(process.id)
    expect(await ids('?includeArchived=true')).toContain(process.id)
    await call(ws, ws.admin, `/processes/${process.id}`, send('PATCH', { archived: false }), ZProcess)
    expect(await ids()).toContain(process.id)
  })

  it('refuses to delete a process with deals (409, archive instead) or the default (422); deletes an unused one', async () => {
    const { process, stages } = await createProcess(api.db, { tenantId: ws.tenant.id, name: 'Busy' })
    const deal = await createDeal(api.db, {
      tenantId: ws.tenant.id,
      processId: process.id,
      stageId: stages[0]?.id,
    })
    const busy = await call(ws, ws.admin, `/processes/${process.id}`, send('DELETE'), ZNoContent)
    expect(busy.status).toBe(409)
    await call(ws, ws.admin, `/processes/${process.id}`, send('PATCH', { archived: true }), ZProcess)
    expect((await call(ws, ws.admin, `/processes/${process.id}`, send('DELETE'), ZNoContent)).status).toBe(
      409,
    )
    const [still] = await api.db.select().from(schema.deals).where(eq(schema.deals.id, deal.id))
    expect(still?.processId).toBe(process.id)
    const def = await call(
      ws,
      ws.admin,
      `/processes/${ws.defaults.defaultProcess.process.id}`,
      send('DELETE'),
      ZNoContent,
    )
    expect(def.status).toBe(422)
    const { process: unused } = await createProcess(api.db, { tenantId: ws.tenant.id })
    expect((await call(ws, ws.admin, `/processes/${unused.id}`, send('DELETE'), ZNoContent)).status).toBe(204)
    const gone = await api.db
      .select()
      .from(schema.processStages)
      .where(eq(schema.processStages.processId, unused.id))
    expect(gone).toEqual([])
    expect((await auditOf(api, ws.tenant.id, 'process.deleted')).map((a) => a.entityId)).toContain(unused.id)
  })

  it("answers 404 for another tenant's process and changes nothing", async () => {
    const theirs = other.defaults.defaultProcess.process.id
    expect((await call(ws, ws.admin, `/processes/${theirs}`, undefined, ZProcess)).status).toBe(404)
    expect(
      (await call(ws, ws.admin, `/processes/${theirs}`, send('PATCH', { name: 'Mine' }), ZProcess)).status,
    ).toBe(404)
    expect((await call(ws, ws.admin, `/processes/${theirs}`, send('DELETE'), ZNoContent)).status).toBe(404)
    expect(
      (await call(ws, ws.admin, `/processes/${theirs}/stages`, send('POST', { name: 'x' }), ZStage)).status,
    ).toBe(404)
    const [row] = await api.db
      .select()
      .from(schema.salesProcesses)
      .where(and(eq(schema.salesProcesses.id, theirs), isNull(schema.salesProcesses.archivedAt)))
    expect(row?.name).toBe(other.defaults.defaultProcess.process.name)
    expect((await call(ws, ws.admin, '/processes/not-a-uuid', undefined, ZProcess)).status).toBe(400)
  })
})
