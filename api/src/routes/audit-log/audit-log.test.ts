import { schema } from '@aura/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

interface Entry {
  id: string
  action: string
  actorUserId: string | null
  entityId: string | null
  createdAt: string
}

describe('GET /audit-log (F14.5)', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let other: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
    const row = (action: string, actorUserId: string, entityId: string, createdAt: Date) => ({
      tenantId: ws.tenant.id,
      action,
      actorUserId,
      entityType: 'user',
      entityId,
      createdAt,
    })
    const day = (n: number) => new Date(Date.UTC(2026, 0, n))
    await api.db
      .insert(schema.auditLog)
      .values([
        ...Array.from({ length: 30 }, () => row('test.bulk', ws.manager.id, ws.rep.id, day(1))),
        row('test.alpha', ws.admin.id, ws.manager.id, day(2)),
        row('test.beta', ws.admin.id, ws.rep.id, day(3)),
        { ...row('test.alpha', other.admin.id, other.rep.id, day(2)), tenantId: other.tenant.id },
      ])
  })
  afterAll(() => api.close())

  const list = async (query = '') => {
    const res = await ws.as(ws.admin, `/audit-log${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as { data: Entry[]; nextCursor: string | null }
  }

  it('pages newest first, 25 by default, 100 at most, without gaps or repeats', async () => {
    const first = await list('?action=test.bulk')
    expect(first.data).toHaveLength(25)
    const second = await list(`?action=test.bulk&cursor=${first.nextCursor}`)
    expect(second.data).toHaveLength(5)
    expect(second.nextCursor).toBeNull()
    const ids = [...first.data, ...second.data].map((e) => e.id)
    expect(new Set(ids).size).toBe(30)
    expect((await ws.as(ws.admin, '/audit-log?limit=101')).status).toBe(400)
  })

  it('filters by action, actor, entity and date range, within this workspace only', async () => {
    const alpha = await list('?action=test.alpha')
    expect(alpha.data).toHaveLength(1)
    expect(alpha.data[0]?.actorUserId).toBe(ws.admin.id)
    const byActor = await list(`?actor=${ws.admin.id}&from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z`)
    expect(byActor.data.map((e) => e.action)).toEqual(['test.beta', 'test.alpha'])
    const byEntity = await list(`?entityType=user&entityId=${ws.manager.id}&to=2026-02-01T00:00:00Z`)
    expect(byEntity.data.map((e) => e.action)).toEqual(['test.alpha'])
    const range = await list('?from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z')
    expect(range.data.map((e) => e.action)).toEqual(['test.alpha'])
    const bad = await ws.as(ws.admin, '/audit-log?from=yesterday')
    expect((await bad.json()).errors[0].field).toBe('from')
  })

  it('is for admins only', async () => {
    expect((await ws.as(ws.manager, '/audit-log')).status).toBe(403)
    expect((await ws.as(ws.rep, '/audit-log')).status).toBe(403)
    expect((await ws.as(null, '/audit-log')).status).toBe(401)
  })
})
