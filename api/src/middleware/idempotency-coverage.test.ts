// Every creating POST (a POST documented with a 201) takes Idempotency-Key, found from the served OpenAPI
// document, so a new creating route made with plain createRoute fails here until it uses creatingRoute or
// is added below with its reason (ADR 0130).
import { describe, expect } from 'vitest'
import { it } from '../../test/fixtures.ts'
import { jsonBody } from '../../test/harness.ts'
import { createWorkspace } from '../../test/workspace.ts'

/** Creating POSTs that deliberately take no key, and why. */
const WITHOUT_KEY: Record<string, string> = {
  // Its answer is the new token in clear: stored for replay it would sit unhashed in the database for 24 h.
  '/tokens': 'answer holds a secret',
  // Anonymous (no user to key by); the invitation token is single-use, so a retry is refused, not doubled.
  '/invitations/accept': 'anonymous, single-use token',
  // Root-domain platform console (no tenant); activating twice is refused by the tenant's status.
  '/platform/accounts/{id}/activate': 'platform console, guarded by state',
}

interface Operation {
  responses: Record<string, unknown>
  parameters?: { name: string; in: string }[]
}

describe('Idempotency-Key coverage', () => {
  let creating: { path: string; op: Operation }[]
  it.beforeAll(async ({ api }) => {
    const doc = await (await api.request('root', '/openapi.json')).json()
    creating = Object.entries(doc.paths as Record<string, { post?: Operation }>)
      .filter(([, item]) => item.post?.responses['201'])
      .map(([path, item]) => ({ path, op: item.post as Operation }))
  })

  const declares = (op: Operation) =>
    (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key')

  it('is declared on every creating POST but the listed exceptions', () => {
    expect(creating.length).toBeGreaterThanOrEqual(13)
    const undeclared = creating.filter((r) => !declares(r.op)).map((r) => r.path)
    expect(undeclared.sort()).toEqual(Object.keys(WITHOUT_KEY).sort())
  })

  it('is honoured by each of them: a malformed key is refused before anything runs', async ({ api }) => {
    const ws = await createWorkspace(api)
    for (const { path, op } of creating.filter((r) => declares(r.op))) {
      const url = path.replaceAll(/\{[^}]+\}/g, crypto.randomUUID())
      const res = await ws.as(ws.admin, url, jsonBody({}, { 'Idempotency-Key': 'k'.repeat(256) }))
      expect(res.status, path).toBe(400)
      expect((await res.json()).errors, path).toEqual([
        { field: 'Idempotency-Key', message: expect.any(String) },
      ])
      expect(op.responses['409'], path).toBeDefined()
    }
  })

  it('is stored with each create, in its transaction: the second send replays the first answer', async ({
    api,
  }) => {
    const ws = await createWorkspace(api)
    const created = async (path: string, body: object) =>
      (await (await ws.as(ws.admin, path, jsonBody(body))).json()).id as string
    const contactId = await created('/contacts', { firstName: 'Keyed' })
    const dealId = await created('/deals', { name: 'Keyed deal' })
    const survivorId = await created('/contacts', { firstName: 'Keyed survivor' })
    const otherId = await created('/contacts', { firstName: 'Keyed duplicate' })
    const processId = ws.defaults.defaultProcess.process.id
    const productId = ws.defaults.products[0]?.product.id
    // An upload is multipart: the same bytes each time (a fixed boundary), as a client's retry sends them.
    const upload = [
      '--keyed',
      'Content-Disposition: form-data; name="entity"',
      '',
      'contact',
      '--keyed',
      'Content-Disposition: form-data; name="file"; filename="keyed.csv"',
      'Content-Type: text/csv',
      '',
      'First name\nKeyed',
      '--keyed--',
      '',
    ].join('\r\n')
    // One valid body per keyed route; a route missing here fails below, so a new one must be added.
    const bodies: Record<string, [string, object | string]> = {
      '/imports': ['/imports', upload],
      '/duplicates/merges': ['/duplicates/merges', { entity: 'contact', survivorId, otherId }],
      '/deals': ['/deals', { name: 'Replayed deal' }],
      '/organizations': ['/organizations', { name: 'Replayed org' }],
      '/contacts': ['/contacts', { firstName: 'Replayed' }],
      '/contacts/{id}/activities': [`/contacts/${contactId}/activities`, { type: 'note', description: 'x' }],
      '/deals/{id}/line-items': [`/deals/${dealId}/line-items`, { productId, quantity: 1 }],
      '/products': ['/products', { sku: `SKU-${crypto.randomUUID().slice(0, 8)}`, name: 'Keyed product' }],
      '/processes': ['/processes', { name: 'Keyed process' }],
      '/processes/{id}/stages': [`/processes/${processId}/stages`, { name: 'Keyed stage' }],
      '/processes/{id}/lost-reasons': [`/processes/${processId}/lost-reasons`, { label: 'Keyed reason' }],
      '/custom-fields': ['/custom-fields', { entity: 'contact', key: 'keyed', label: 'Keyed', type: 'text' }],
      '/saved-views': ['/saved-views', { list: 'deals', name: 'Keyed view', filters: { status: 'open' } }],
      '/tasks': ['/tasks', { type: 'call', subject: 'Keyed', dueAt: '2030-01-01T09:00:00Z', dealId }],
      '/invitations': ['/invitations', { email: `keyed-${crypto.randomUUID()}@x.test`, role: 'rep' }],
    }
    for (const { path } of creating.filter((r) => declares(r.op))) {
      const entry = bodies[path]
      expect(entry, `no body for ${path} in this test`).toBeDefined()
      const [url, body] = entry as [string, object | string]
      const key = { 'Idempotency-Key': `coverage ${path}` }
      const init = (): RequestInit =>
        typeof body === 'string'
          ? {
              method: 'POST',
              body,
              headers: { ...key, 'content-type': 'multipart/form-data; boundary=keyed' },
            }
          : jsonBody(body, key)
      const first = await ws.as(ws.admin, url, init())
      expect(first.status, path).toBe(201)
      const again = await ws.as(ws.admin, url, init())
      expect([again.status, again.headers.get('idempotency-replayed')], path).toEqual([201, 'true'])
      expect(await again.json(), path).toEqual(await first.json())
    }
  })
})
