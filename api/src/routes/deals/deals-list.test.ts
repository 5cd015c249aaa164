import { schema } from '@aura/db'
import { createContact, createDeal, createOrganization } from '@aura/db/seed/index'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fields, stage, type TestApi, type Workspace, ZDealPage } from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('GET /deals', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  const ids: string[] = []
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
    const org = await createOrganization(api.db, { tenantId: ws.tenant.id, name: 'Globex' })
    for (let i = 0; i < 7; i++) {
      const d = await createDeal(api.db, {
        tenantId: ws.tenant.id,
        name: i % 2 ? `Globex 100%_deal ${i}` : `Initech ${i}`,
        amount: `${(i + 1) * 100}.00`,
        assignedUserId: i < 5 ? ws.rep.id : ws.manager.id,
        stageId: i < 3 ? stage(ws, 'Prospect').id : stage(ws, 'Qualified').id,
        probability: i < 3 ? 10 : 25,
        closeDate: i < 4 ? `2026-0${i + 1}-15` : null,
        organizationId: i % 2 ? org.id : null,
      })
      ids.push(d.id)
    }
    // Two deals share one updated_at: the id breaks the tie, nothing is skipped or repeated.
    await api.db.update(schema.deals).set({ name: sql`name` }).where(eq(schema.deals.tenantId, ws.tenant.id))
    await createDeal(api.db, { tenantId: other.tenant.id, name: 'Globex elsewhere' })
  })
  afterAll(() => api.close())

  const list = async (query: string, who = ws.manager) => {
    const res = await call(ws, who, `/deals?${query}`, undefined, ZDealPage)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body as { data: { id: string; name: string; amount: string }[]; nextCursor: string | null }
  }
  const all = async (query: string) => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await list(`${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...page.data.map((d) => d.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    return { seen, pages }
  }

  it('pages through 3 pages with no duplicates or misses, for every sort and direction', async () => {
    for (const sort of ['updatedAt', 'createdAt', 'closeDate', 'amount']) {
      for (const direction of ['desc', 'asc']) {
        const { seen, pages } = await all(`sort=${sort}&direction=${direction}`)
        expect(pages, `${sort} ${direction}`).toBe(3)
        expect(new Set(seen).size).toBe(7)
        expect([...seen].sort()).toEqual([...ids].sort())
      }
    }
    const byAmount = await list('sort=amount&direction=asc&limit=100')
    expect(byAmount.data.map((d) => d.amount)).toEqual(ids.map((_, i) => `${(i + 1) * 100}.00`))
  })

  it('filters by process, stage, owner, status, probability, organization, close date and text', async () => {
    const count = async (q: string) => (await list(`${q}&limit=100`)).data.length
    const processId = ws.defaults.defaultProcess.process.id
    expect(await count(`processId=${processId}&stageId=${stage(ws, 'Prospect').id}`)).toBe(3)
    expect(await count(`assignedUserId=${ws.manager.id}`)).toBe(2)
    expect(await count('status=open')).toBe(7)
    expect(await count('status=won')).toBe(0)
    expect(await count('minProbability=20&maxProbability=30')).toBe(4)
    const [org] = await api.db
      .select()
      .from(schema.organizations)
      .where(eq(schema.organizations.tenantId, ws.tenant.id))
    expect(await count(`organizationId=${org?.id}`)).toBe(3)
    expect(await count('closeDateFrom=2026-02-01&closeDateTo=2026-03-31')).toBe(2)
    expect(await count('q=globex')).toBe(3)
    expect(await count('q=100%25_')).toBe(3)
    expect(await count('q=Glo%25ex')).toBe(0)
  })

  it("filters by contact (a contact page lists that contact's deals)", async () => {
    const contact = await createContact(api.db, { tenantId: ws.tenant.id, firstName: 'Ada' })
    const deal = await createDeal(api.db, { tenantId: ws.tenant.id, name: 'Ada deal', contactId: contact.id })
    const page = await list(`contactId=${contact.id}&limit=100`)
    expect(page.data.map((d) => d.id)).toEqual([deal.id])
    await api.db.update(schema.deals).set({ deletedAt: new Date() }).where(eq(schema.deals.id, deal.id))
  })

  it("shows a rep only their own deals; never another tenant's", async () => {
    expect((await list('limit=100', ws.rep)).data).toHaveLength(5)
    const names = (await list('q=elsewhere&limit=100', ws.admin)).data
    expect(names).toEqual([])
  })

  it('refuses bad filters and a cursor from another sort with 400 naming the field', async () => {
    const page = await list('limit=2')
    const mixed = await call(
      ws,
      ws.manager,
      `/deals?sort=amount&cursor=${page.nextCursor}`,
      undefined,
      ZDealPage,
    )
    expect(mixed.status).toBe(400)
    expect(fields(mixed.body)).toEqual(['cursor'])
    const bad = await call(
      ws,
      ws.manager,
      '/deals?limit=101&status=maybe&closeDateFrom=tomorrow&processId=x',
      undefined,
      ZDealPage,
    )
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['closeDateFrom', 'limit', 'processId', 'status'])
    expect((await call(ws, ws.manager, '/deals?cursor=garbage', undefined, ZDealPage)).status).toBe(400)
  })
})
