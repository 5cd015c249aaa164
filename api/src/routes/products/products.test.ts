import { schema } from '@aura/db'
import { eq } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'
import { auditRows, product, send } from '../../../test/pricing-fixtures.ts'

describe('GET/POST /products, GET/PATCH /products/{id}', () => {
  it.beforeAll(async ({ api, ws }) => {
    await api.db.insert(schema.customFieldDefinitions).values([
      { tenantId: ws.tenant.id, entity: 'product', key: 'colour', label: 'Colour', type: 'text' },
      { tenantId: ws.tenant.id, entity: 'product', key: 'weight', label: 'Weight', type: 'number' },
    ])
  })

  it('lets an admin create a product, audited as product.created', async ({ api, ws }) => {
    const res = await ws.as(
      ws.admin,
      '/products',
      send('POST', { sku: 'WID-1', name: 'Widget', category: 'Hardware', customFields: { colour: 'red' } }),
    )
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({ sku: 'WID-1', name: 'Widget', isActive: true, pricing: null })
    expect(body.customFields).toEqual({ colour: 'red' })
    const [audit] = await auditRows(api, 'product.created', body.id)
    expect(audit).toMatchObject({ actorUserId: ws.admin.id, entityType: 'product' })
  })

  it('refuses a duplicate SKU with 409 naming sku, and writes nothing', async ({ api, ws, other }) => {
    const res = await ws.as(ws.admin, '/products', send('POST', { sku: 'SVC-ONBOARD', name: 'Again' }))
    expect(res.status).toBe(409)
    expect((await res.json()).errors).toEqual([expect.objectContaining({ field: 'sku' })])
    const named = await api.db.select().from(schema.products).where(eq(schema.products.name, 'Again'))
    expect(named).toHaveLength(0)
    // The same SKU in another tenant is fine: unique per tenant.
    const elsewhere = await other.as(other.admin, '/products', send('POST', { sku: 'WID-1', name: 'W' }))
    expect(elsewhere.status).toBe(201)
  })

  it('validates custom fields against the definitions (400 naming the key) and merges them on PATCH', async ({
    api,
    ws,
  }) => {
    const bad = await ws.as(
      ws.admin,
      '/products',
      send('POST', { sku: 'CF-1', name: 'x', customFields: { colour: 3, linkedin: 'x' } }),
    )
    expect(bad.status).toBe(400)
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['customFields.colour', 'customFields.linkedin']))
    const p = await product(api, ws, { defaultPrice: '1.00' })
    await ws.as(ws.admin, `/products/${p.id}`, send('PATCH', { customFields: { colour: 'blue' } }))
    const res = await ws.as(ws.admin, `/products/${p.id}`, send('PATCH', { customFields: { weight: 2.5 } }))
    expect((await res.json()).customFields).toEqual({ colour: 'blue', weight: 2.5 })
  })

  it('refuses bad fields with 400 naming each', async ({ ws }) => {
    const res = await ws.as(ws.admin, '/products', send('POST', { sku: '', name: 'x', isActive: 'yes' }))
    expect(res.status).toBe(400)
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['sku', 'isActive']))
  })

  it('lets only admins create or edit products', async ({ api, ws }) => {
    const p = await product(api, ws, { defaultPrice: '10.00' })
    for (const who of [ws.manager, ws.rep]) {
      expect((await ws.as(who, '/products', send('POST', { sku: `X-${who.role}`, name: 'x' }))).status).toBe(
        403,
      )
      expect((await ws.as(who, `/products/${p.id}`, send('PATCH', { name: 'y' }))).status).toBe(403)
    }
    expect((await ws.as(null, '/products')).status).toBe(401)
  })

  it('deactivates via PATCH (audited); reps then get 404 and no longer list it, managers still do', async ({
    api,
    ws,
  }) => {
    const p = await product(api, ws, { defaultPrice: '10.00' }, { name: 'Zeta retired' })
    const res = await ws.as(ws.admin, `/products/${p.id}`, send('PATCH', { isActive: false }))
    expect(res.status).toBe(200)
    expect((await res.json()).isActive).toBe(false)
    const [audit] = await auditRows(api, 'product.deactivated', p.id)
    expect(audit).toMatchObject({ before: { isActive: true }, after: { isActive: false } })

    expect((await ws.as(ws.rep, `/products/${p.id}`)).status).toBe(404)
    expect((await ws.as(ws.rep, `/products/${p.id}/pricing`)).status).toBe(404)
    const repList = await (await ws.as(ws.rep, '/products?q=zeta')).json()
    expect(repList.data).toEqual([])
    const repInactive = await (await ws.as(ws.rep, '/products?active=false')).json()
    expect(repInactive.data).toEqual([])

    expect((await ws.as(ws.manager, `/products/${p.id}`)).status).toBe(200)
    const mgrList = await (await ws.as(ws.manager, '/products?active=false')).json()
    expect(mgrList.data.map((x: { id: string }) => x.id)).toContain(p.id)
  })

  it('edits fields and refuses an SKU taken by another product (409 sku)', async ({ api, ws }) => {
    const p = await product(api, ws, { defaultPrice: '10.00' })
    const ok = await ws.as(
      ws.admin,
      `/products/${p.id}`,
      send('PATCH', { name: 'Renamed', description: 'New' }),
    )
    expect(await ok.json()).toMatchObject({ name: 'Renamed', description: 'New' })
    const [audit] = await auditRows(api, 'product.updated', p.id)
    expect(audit?.after).toEqual({ name: 'Renamed', description: 'New' })
    const clash = await ws.as(ws.admin, `/products/${p.id}`, send('PATCH', { sku: 'LIC-SEAT' }))
    expect(clash.status).toBe(409)
    expect((await clash.json()).errors[0].field).toBe('sku')
  })

  it('filters by q (name or SKU), category and active, and pages by name without gaps', async ({ ws }) => {
    const bySku = await (await ws.as(ws.rep, '/products?q=lic-')).json()
    expect(bySku.data.map((p: { sku: string }) => p.sku)).toEqual(['LIC-SEAT'])
    const services = await (await ws.as(ws.rep, '/products?category=Services')).json()
    expect(services.data.map((p: { sku: string }) => p.sku).sort()).toEqual(['SVC-ONBOARD', 'SVC-SUPPORT'])
    const literal = await (await ws.as(ws.rep, `/products?q=${encodeURIComponent('%')}`)).json()
    expect(literal.data).toEqual([])

    const all = await (await ws.as(ws.admin, '/products?limit=100')).json()
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await (
        await ws.as(ws.admin, `/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()
      seen.push(...page.data.map((p) => p.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(all.data.map((p: { id: string }) => p.id))
    expect((await ws.as(ws.admin, '/products?cursor=bogus')).status).toBe(400)
  })

  it("treats another tenant's product as 404 and leaves it unchanged", async ({ api, ws, other }) => {
    const theirs = await product(api, other, { defaultPrice: '10.00' }, { name: 'Theirs' })
    for (const who of [ws.admin, ws.manager, ws.rep]) {
      expect((await ws.as(who, `/products/${theirs.id}`)).status).toBe(404)
    }
    expect((await ws.as(ws.admin, `/products/${theirs.id}`, send('PATCH', { name: 'Mine' }))).status).toBe(
      404,
    )
    const [row] = await api.db.select().from(schema.products).where(eq(schema.products.id, theirs.id))
    expect(row?.name).toBe('Theirs')
    expect((await ws.as(ws.admin, '/products/not-a-uuid')).status).toBe(400)
  })

  it('shows the blueprint to everyone but the raw cost to managers and admins only', async ({ api, ws }) => {
    const p = await product(api, ws, { defaultPrice: '10.00', cost: '4.00', maxDiscountPercent: '5.00' })
    const rep = await (await ws.as(ws.rep, `/products/${p.id}`)).json()
    expect(rep.pricing).toMatchObject({ defaultPrice: '10.00', cost: null, maxDiscountPercent: '5.00' })
    const mgr = await (await ws.as(ws.manager, `/products/${p.id}/pricing`)).json()
    expect(mgr).toMatchObject({ defaultPrice: '10.00', cost: '4.00' })
  })
})
