// A creating form's action forwards the rendered form's key as Idempotency-Key, once per POST (ADR 0130).
import { createLogger } from '@aura/api/lib/logger'
import type { AppLoadContext } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import '../load-context.ts'
import { action as newOrganization } from '../routes/_app.organizations.new.tsx'
import { apiClient } from './api.server.ts'

/** An API stand-in that records requests: /me answers a signed-in rep, a POST answers 201. */
function fakeApi(seen: Request[]): AppLoadContext {
  const apiFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init)
    seen.push(req)
    if (req.method === 'POST') return Response.json({ id: 'org-1' }, { status: 201 })
    return Response.json({ id: 'u-1', role: 'rep', tenant: { slug: 'acme' } })
  }) as typeof fetch
  return { apiFetch, requestId: 'req-12345678', log: createLogger('error'), rootDomain: 'localhost' }
}

const submit = (fields: Record<string, string>) =>
  new Request('http://acme.localhost:3000/organizations/new', {
    method: 'POST',
    headers: { cookie: 'aura_session=abc', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })

describe('idempotency keys from forms', () => {
  it('the new-organization action sends the form key as Idempotency-Key; a double submit sends it twice', async () => {
    const seen: Request[] = []
    const context = fakeApi(seen)
    const fields = { name: 'Initech', idempotencyKey: '6f1c0d2e-5b7a-4f43-9a0e-1d2c3b4a5f60' }
    for (const _ of [1, 2]) {
      const res = (await newOrganization({ request: submit(fields), context, params: {} })) as Response
      expect(res.status).toBe(302)
    }
    const posts = seen.filter((r) => r.method === 'POST')
    expect(posts.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/v1/organizations',
      '/api/v1/organizations',
    ])
    expect(posts.map((r) => r.headers.get('idempotency-key'))).toEqual([
      fields.idempotencyKey,
      fields.idempotencyKey,
    ])
    // The session check before it is a GET: no key.
    expect(seen.filter((r) => r.method === 'GET').every((r) => !r.headers.has('idempotency-key'))).toBe(true)
  })

  it('apiClient sends no key without one in the form, and never on a GET', async () => {
    const seen: Request[] = []
    const request = new Request('http://acme.localhost:3000/')
    await apiClient(request, fakeApi(seen)).organizations.$post({ json: { name: 'No Key' } })
    await apiClient(request, fakeApi(seen), { idempotencyKey: 'k-1' }).organizations.$get({ query: {} })
    expect(seen.map((r) => r.headers.has('idempotency-key'))).toEqual([false, false])
  })
})
