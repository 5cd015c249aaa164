// Global search finds each kind the way its own list does, and never more than the caller may see: a rep
// gets only their own deals and contacts and only active products; another workspace's records never.
import { createContact, createDeal, createOrganization, createProduct } from '@aura/db/seed/index'
import { describe, expect } from 'vitest'
import { call, fields, it, ZRefusal } from '../../../test/fixtures.ts'
import { ZSearchResults } from '../../services/search/search.outputs.ts'

type Results = { groups: { kind: string; hits: { title: string }[]; more: boolean }[] }
const titles = (body: Results, kind: string) =>
  body.groups
    .find((g) => g.kind === kind)
    ?.hits.map((h) => h.title)
    .sort()

describe('GET /search', () => {
  it('groups hits by kind and shows each caller only what they may see', async ({ api, ws, other }) => {
    const t = ws.tenant.id
    const mine = { assignedUserId: ws.rep.id, createdBy: ws.rep.id }
    const theirs = { assignedUserId: ws.manager.id, createdBy: ws.manager.id }
    await createOrganization(api.db, { tenantId: t, name: 'Quasar Holdings', industry: 'Energy' })
    await createContact(api.db, { tenantId: t, firstName: 'Quasar', lastName: 'Mine', ...mine })
    await createContact(api.db, { tenantId: t, firstName: 'Quasar', lastName: 'Theirs', ...theirs })
    await createDeal(api.db, { tenantId: t, name: 'Quasar renewal', amount: '1200.50', ...mine })
    await createDeal(api.db, { tenantId: t, name: 'Quasar expansion', ...theirs })
    await createProduct(api.db, { tenantId: t, name: 'Quasar seat', blueprint: { defaultPrice: '10.00' } })
    await createProduct(api.db, {
      tenantId: t,
      name: 'Quasar legacy',
      isActive: false,
      blueprint: { defaultPrice: '10.00' },
    })
    await createOrganization(api.db, { tenantId: other.tenant.id, name: 'Quasar Elsewhere' })

    const rep = await call(ws, ws.rep, '/search?q=quasar', undefined, ZSearchResults)
    expect(rep.status).toBe(200)
    expect(rep.body.groups.map((g) => g.kind)).toEqual(['contact', 'organization', 'deal', 'product'])
    expect(titles(rep.body, 'contact')).toEqual(['Quasar Mine'])
    expect(titles(rep.body, 'organization')).toEqual(['Quasar Holdings'])
    expect(titles(rep.body, 'deal')).toEqual(['Quasar renewal'])
    expect(titles(rep.body, 'product')).toEqual(['Quasar seat'])
    const deal = rep.body.groups.find((g) => g.kind === 'deal')?.hits[0]
    expect(deal).toMatchObject({ amount: '1200.50', currency: expect.stringMatching(/^[A-Z]{3}$/) })

    const manager = await call(ws, ws.manager, '/search?q=quasar', undefined, ZSearchResults)
    expect(titles(manager.body, 'contact')).toEqual(['Quasar Mine', 'Quasar Theirs'])
    expect(titles(manager.body, 'deal')).toEqual(['Quasar expansion', 'Quasar renewal'])
    expect(titles(manager.body, 'product')).toEqual(['Quasar legacy', 'Quasar seat'])
    expect(JSON.stringify(manager.body)).not.toContain('Elsewhere')

    // A typo still finds the organization, as its own list does.
    const typo = await call(ws, ws.manager, '/search?q=Quasr', undefined, ZSearchResults)
    expect(titles(typo.body, 'organization')).toEqual(['Quasar Holdings'])
  })

  it('says when a kind has more hits than shown', async ({ api, ws }) => {
    for (const n of [1, 2, 3])
      await createOrganization(api.db, { tenantId: ws.tenant.id, name: `Zephyr ${n}` })
    const res = await call(ws, ws.rep, '/search?q=zephyr&limit=2', undefined, ZSearchResults)
    const orgs = res.body.groups.find((g) => g.kind === 'organization')
    expect(orgs?.hits).toHaveLength(2)
    expect(orgs?.more).toBe(true)
    expect(res.body.groups.find((g) => g.kind === 'deal')).toEqual({ kind: 'deal', hits: [], more: false })
  })

  it('refuses a blank or missing q naming the field, and anyone signed out', async ({ ws }) => {
    for (const path of ['/search', '/search?q=', '/search?q=%20%20', '/search?q=a&limit=11']) {
      const res = await call(ws, ws.rep, path, undefined, ZRefusal)
      expect(res.status, path).toBe(400)
      expect(fields(res.body).length, path).toBe(1)
    }
    expect((await call(ws, null, '/search?q=a', undefined, ZRefusal)).status).toBe(401)
  })
})
