import { createContact, createOrganization } from '@aura/db/seed/index'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('contact search: one box across name, email, phone and company, typo-tolerant', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    const tenantId = ws.tenant.id
    const globex = await createOrganization(api.db, { tenantId, name: 'Globex Corporation' })
    const people = [
      {
        key: 'johnson',
        firstName: 'Mary',
        lastName: 'Johnson',
        email: 'mary.j@initech.test',
        phone: '+1 (555) 0123',
      },
      {
        key: 'smith',
        firstName: 'Hank',
        lastName: 'Smith',
        email: 'hank@globex.test',
        organizationId: globex.id,
      },
      {
        key: 'jones',
        firstName: 'Peter',
        lastName: 'Jones',
        email: 'peter@contoso.test',
        phone: '020 7946 0958',
      },
    ]
    for (const { key, ...p } of people) {
      ids[key] = (await createContact(api.db, { tenantId, assignedUserId: ws.rep.id, ...p })).id
    }
    // Noise the rep does not own: never found by the rep.
    await createContact(api.db, { tenantId, firstName: 'Mary', lastName: 'Johnsen', email: 'other@x.test' })
  })
  afterAll(() => api.close())

  const search = async (q: string, who = ws.rep) => {
    const res = await ws.as(who, `/contacts?q=${encodeURIComponent(q)}`)
    expect(res.status).toBe(200)
    return (await res.json()).data.map((c: { id: string }) => c.id) as string[]
  }

  it('finds by partial phone digits whatever the formatting', async () => {
    expect(await search('5550')).toEqual([ids.johnson])
    expect(await search('555-0123')).toEqual([ids.johnson])
    expect(await search('7946 0958')).toEqual([ids.jones])
  })

  it('finds a misspelled last name ("Jonhson" → Johnson) first', async () => {
    const found = await search('Jonhson')
    expect(found[0]).toBe(ids.johnson)
  })

  it('finds by email fragment and by company name (also misspelled)', async () => {
    expect(await search('initech')).toEqual([ids.johnson])
    expect(await search('hank@glo')).toEqual([ids.smith])
    expect(await search('Globex')).toEqual([ids.smith])
    expect(await search('Globx')).toContain(ids.smith)
  })

  it('ranks exact name matches above fuzzy ones and pages without repeats', async () => {
    const manager = await search('Mary Johnson', ws.manager)
    expect(manager[0]).toBe(ids.johnson)
    expect(manager.length).toBeGreaterThanOrEqual(2)
    const first = await (await ws.as(ws.manager, '/contacts?q=Mary&limit=1')).json()
    const second = await (
      await ws.as(ws.manager, `/contacts?q=Mary&limit=1&cursor=${first.nextCursor}`)
    ).json()
    expect(first.data).toHaveLength(1)
    expect(second.data).toHaveLength(1)
    expect(second.data[0].id).not.toBe(first.data[0].id)
  })

  it('treats LIKE wildcards literally and finds nothing for unrelated text', async () => {
    expect(await search('%')).toEqual([])
    expect(await search('zzqx')).toEqual([])
  })

  it('filters by organization and pages the unfiltered list newest first', async () => {
    const smith = await (
      await ws.as(ws.rep, `/contacts?organizationId=${(await orgOf(ids.smith)) ?? ''}`)
    ).json()
    expect(smith.data.map((c: { id: string }) => c.id)).toEqual([ids.smith])
    const seen: string[] = []
    let cursor = ''
    do {
      const page = await (await ws.as(ws.rep, `/contacts?limit=2${cursor && `&cursor=${cursor}`}`)).json()
      seen.push(...page.data.map((c: { id: string }) => c.id))
      cursor = page.nextCursor ?? ''
    } while (cursor)
    expect(seen).toEqual([ids.jones, ids.smith, ids.johnson])
  })

  const orgOf = async (id: string | undefined) =>
    (await (await ws.as(ws.rep, `/contacts/${id}`)).json()).organizationId
})
