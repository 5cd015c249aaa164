// Cursors are the client's to tamper with, and dates are typed by people: on every list endpoint the API
// serves (read from its OpenAPI document, so a new list is covered the day it appears), a damaged cursor is
// a 400 naming `cursor`, never a 500 and never a quiet page 1; dates outside 1900–9999 are a 400 naming
// the field.
import { createContact, createDeal } from '@aura/db/seed/index'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '../../src/lib/pagination.ts'
import { createTestApi, jsonBody } from '../harness.ts'
import { signInPlatformAdmin } from '../platform.ts'
import { createWorkspace } from '../workspace.ts'

const ID = '00000000-0000-4000-8000-000000000000'
const b64 = (s: string) => btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/** Lists that answer only with a scope: the path with it. */
const REQUIRED_QUERY: Record<string, string> = { '/tasks': '/tasks?assignee=me' }

/** Damage every list must refuse, whatever its sort key's type. */
const DAMAGED: Record<string, string> = {
  'not base64': '!!!~~~',
  'base64 of garbage': b64('garbage{'),
  'an object': b64('{"a":1}'),
  'one element': b64(`["${ID}"]`),
  'a bad id': encodeCursor(['Acme', 'not-a-uuid']),
  'a huge number': encodeCursor([1e308, ID]),
  'a huge negative number': encodeCursor([-1e308, ID]),
  'a null key': encodeCursor([null, ID]),
  'a NUL in the key': b64(`["a\\u0000b","${ID}"]`),
}

describe('cursors and dates', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let ops: Awaited<ReturnType<typeof signInPlatformAdmin>>
  let lists: string[]
  beforeAll(async () => {
    api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '100000' })
    ws = await createWorkspace(api)
    ops = await signInPlatformAdmin(api)
    const contact = await createContact(api.db, { tenantId: ws.tenant.id })
    const deal = await createDeal(api.db, { tenantId: ws.tenant.id })
    const product = ws.defaults.products[0]?.product.id
    const ids: Record<string, string | undefined> = {
      contacts: contact.id,
      deals: deal.id,
      products: product,
    }
    const doc = await (await api.request('root', '/openapi.json')).json()
    lists = Object.entries(doc.paths as Record<string, { get?: { parameters?: { name: string }[] } }>)
      .filter(([, ops]) => ops.get?.parameters?.some((p) => p.name === 'cursor'))
      .map(([path]) => path.replace(/^\/(\w+)\/\{id\}/, (_, r: string) => `/${r}/${ids[r]}`))
      // A list that needs a scope first (tasks: whose, ADR 0168) is asked with one.
      .map((path) => REQUIRED_QUERY[path] ?? path)
  })
  afterAll(() => api.close())

  const get = (path: string) => (path.startsWith('/platform/') ? ops.get(path) : ws.as(ws.admin, path))
  const refusedNaming = async (res: Response, field: string) => {
    expect(res.status, `${res.url}`).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field)
  }

  it('the document lists the paged endpoints (so the next test covers them all)', () => {
    expect(lists.length).toBeGreaterThanOrEqual(12)
  })

  it.each(Object.entries(DAMAGED))(
    'a cursor with %s is a 400 naming cursor on every list',
    async (_, cursor) => {
      for (const path of [...lists, '/contacts?q=ada', '/products?q=product', '/organizations?q=org']) {
        const sep = path.includes('?') ? '&' : '?'
        await refusedNaming(await get(`${path}${sep}cursor=${encodeURIComponent(cursor)}`), 'cursor')
      }
    },
  )

  it('an impossible date in a timestamp cursor is a 400, on every sort that carries one', async () => {
    const feb30 = '2026-02-30T10:00:00.000000'
    for (const path of ['/activities', '/users', '/audit-log', '/contacts', '/invitations'])
      await refusedNaming(await get(`${path}?cursor=${encodeCursor([feb30, ID])}`), 'cursor')
    await refusedNaming(
      await get(`/platform/tenants?cursor=${encodeCursor(['2026-01-01T25:00:00.000000', ID])}`),
      'cursor',
    )
    await refusedNaming(await get(`/deals?cursor=${encodeCursor([`updatedAt.desc:${feb30}`, ID])}`), 'cursor')
    const closeDate = encodeCursor(['closeDate.asc:2026-13-01', ID])
    await refusedNaming(await get(`/deals?sort=closeDate&direction=asc&cursor=${closeDate}`), 'cursor')
    // An integer position past the column's range.
    const lines = lists.find((p) => p.endsWith('/line-items')) ?? ''
    await refusedNaming(await get(`${lines}?cursor=${encodeCursor([2 ** 40, ID])}`), 'cursor')
  })

  it('a close date, an activity date and a date filter outside 1900–9999 are a 400 naming the field', async () => {
    await refusedNaming(
      await ws.as(ws.rep, '/deals', jsonBody({ name: 'Old', closeDate: '0001-01-01' })),
      'closeDate',
    )
    await refusedNaming(
      await ws.as(ws.rep, '/deals', jsonBody({ name: 'Old', closeDate: '1899-12-31' })),
      'closeDate',
    )
    await refusedNaming(await get('/deals?closeDateFrom=0000-01-01'), 'closeDateFrom')
    await refusedNaming(await get('/audit-log?from=0000-01-01T00:00:00Z'), 'from')
    const contact = await createContact(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.rep.id })
    const activity = (occurredAt: string) =>
      ws.as(
        ws.rep,
        `/contacts/${contact.id}/activities`,
        jsonBody({ type: 'call', description: 'Hi', occurredAt }),
      )
    await refusedNaming(await activity('0000-06-01T10:00:00Z'), 'occurredAt')
    expect((await activity('1900-01-01T00:00:00Z')).status).toBe(201)
    expect((await ws.as(ws.rep, '/deals', jsonBody({ name: 'Far', closeDate: '9999-12-31' }))).status).toBe(
      201,
    )
  })
})
