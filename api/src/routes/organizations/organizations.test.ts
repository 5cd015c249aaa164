import { schema, withTenant } from '@aura/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

const patch = (body: unknown): RequestInit => ({ ...jsonBody(body), method: 'PATCH' })
const del: RequestInit = { method: 'DELETE' }

describe('organizations: CRUD, parent companies, soft delete, search', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let other: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const create = async (body: object, who = ws.rep) => {
    const res = await ws.as(who, '/organizations', jsonBody(body))
    expect(res.status).toBe(201)
    return res.json()
  }

  it('creates with a parent; the parent lists its subsidiaries; every role sees them', async () => {
    const parent = await create({ name: 'Umbrella Holdings', industry: 'Pharma' })
    const child = await create({ name: 'Umbrella Labs', parentId: parent.id }, ws.manager)
    expect(child.parent).toEqual({ id: parent.id, name: 'Umbrella Holdings' })
    const got = await (await ws.as(ws.admin, `/organizations/${parent.id}`)).json()
    expect(got).toMatchObject({ industry: 'Pharma', parent: null })
    expect(got.subsidiaries).toEqual([{ id: child.id, name: 'Umbrella Labs' }])
  })

  it('refuses a missing, foreign or looping parent with 422 naming parentId, writing nothing', async () => {
    const a = await create({ name: 'Loop A' })
    const b = await create({ name: 'Loop B', parentId: a.id })
    const c = await create({ name: 'Loop C', parentId: b.id })
    const foreign = await (
      await other.as(other.rep, '/organizations', jsonBody({ name: 'Elsewhere' }))
    ).json()
    for (const [id, parentId] of [
      [a.id, c.id],
      [a.id, a.id],
      [a.id, foreign.id],
      [a.id, crypto.randomUUID()],
    ]) {
      const res = await ws.as(ws.rep, `/organizations/${id}`, patch({ parentId, name: 'Renamed' }))
      expect(res.status).toBe(422)
      expect((await res.json()).errors[0].field).toBe('parentId')
    }
    expect((await (await ws.as(ws.rep, `/organizations/${a.id}`)).json()).name).toBe('Loop A')
    const bad = await ws.as(ws.rep, '/organizations', jsonBody({ name: 'X', parentId: foreign.id }))
    expect(bad.status).toBe(422)
    // Detaching and re-parenting elsewhere is fine.
    const ok = await ws.as(ws.rep, `/organizations/${c.id}`, patch({ parentId: null }))
    expect((await ok.json()).parent).toBeNull()
  })

  it('soft deletes: gone from lists and gets, kept in the table, audited', async () => {
    const org = await create({ name: 'Doomed Corp' })
    expect((await ws.as(ws.rep, `/organizations/${org.id}`, del)).status).toBe(204)
    expect((await ws.as(ws.rep, `/organizations/${org.id}`)).status).toBe(404)
    expect((await ws.as(ws.rep, `/organizations/${org.id}`, patch({ name: 'Back' }))).status).toBe(404)
    expect((await ws.as(ws.rep, `/organizations/${org.id}`, del)).status).toBe(404)
    const list = await (await ws.as(ws.admin, '/organizations?q=Doomed')).json()
    expect(list.data).toEqual([])
    const rows = await withTenant(api.db, { tenantId: ws.tenant.id, role: 'admin' }, async (tx) => ({
      org: await tx.select().from(schema.organizations),
      audit: await tx.select().from(schema.auditLog),
    }))
    expect(rows.org.find((o) => o.id === org.id)?.deletedAt).toBeInstanceOf(Date)
    expect(rows.audit.some((a) => a.action === 'organization.deleted' && a.entityId === org.id)).toBe(true)
  })

  it('lists by name with keyset paging and finds by fragment or misspelling', async () => {
    for (const name of ['Zeta Alpha', 'Zeta Beta', 'Zeta Gamma']) await create({ name })
    const first = await (await ws.as(ws.rep, '/organizations?q=zeta&limit=2')).json()
    expect(first.data.map((o: { name: string }) => o.name)).toEqual(['Zeta Alpha', 'Zeta Beta'])
    const second = await (
      await ws.as(ws.rep, `/organizations?q=zeta&limit=2&cursor=${first.nextCursor}`)
    ).json()
    expect(second.data.map((o: { name: string }) => o.name)).toEqual(['Zeta Gamma'])
    expect(second.nextCursor).toBeNull()
    const typo = await (await ws.as(ws.rep, '/organizations?q=Umbrela')).json()
    expect(typo.data.map((o: { name: string }) => o.name)).toContain('Umbrella Holdings')
  })

  it('reads the named organizations by ids in one list; another workspace’s id is not among them', async () => {
    const [a, b] = [await create({ name: 'Ids One' }), await create({ name: 'Ids Two' })]
    await create({ name: 'Ids Three' })
    const foreign = await (await other.as(other.rep, '/organizations', jsonBody({ name: 'Ids Else' }))).json()
    const ids = [a.id, b.id.toUpperCase(), foreign.id].join(',')
    const got = await (await ws.as(ws.rep, `/organizations?ids=${ids}&limit=100`)).json()
    expect(got.data.map((o: { name: string }) => o.name)).toEqual(['Ids One', 'Ids Two'])
    for (const bad of ['nope', `${a.id},`, Array.from({ length: 101 }, () => a.id).join(',')]) {
      const res = await ws.as(ws.rep, `/organizations?ids=${bad}`)
      expect(res.status).toBe(400)
      expect((await res.json()).errors[0].field).toBe('ids')
    }
  })

  it("another workspace's organization is a 404 for every operation and stays unchanged", async () => {
    const org = await create({ name: 'Private Inc' })
    for (const who of [other.admin, other.manager, other.rep]) {
      expect((await other.as(who, `/organizations/${org.id}`)).status).toBe(404)
      expect((await other.as(who, `/organizations/${org.id}`, patch({ name: 'Hacked' }))).status).toBe(404)
      expect((await other.as(who, `/organizations/${org.id}`, del)).status).toBe(404)
      const list = await (await other.as(who, '/organizations?q=Private')).json()
      expect(list.data).toEqual([])
    }
    expect((await (await ws.as(ws.rep, `/organizations/${org.id}`)).json()).name).toBe('Private Inc')
  })

  it('validates input: 400 naming fields, malformed id 400, anonymous 401', async () => {
    const res = await ws.as(ws.rep, '/organizations', jsonBody({ name: '', parentId: 'nope' }))
    expect(res.status).toBe(400)
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['name', 'parentId']))
    expect((await ws.as(ws.rep, '/organizations/not-a-uuid')).status).toBe(400)
    expect((await ws.as(null, '/organizations')).status).toBe(401)
  })
})
