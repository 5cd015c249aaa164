import { createLogger } from '@aura/api/lib/logger'
import type { AppLoadContext } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import '../load-context.ts'
import { apiClient } from './api.server.ts'

function contextCapturing(seen: Request[]): AppLoadContext {
  const apiFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init))
    return Response.json({ status: 'ok', database: 'up', databaseMs: 1 })
  }) as typeof fetch
  return { apiFetch, requestId: 'req-12345678', log: createLogger('error'), rootDomain: 'localhost' }
}

describe('apiClient', () => {
  it("addresses the API by the workspace's own origin and forwards the cookie and request id", async () => {
    const seen: Request[] = []
    const request = new Request('http://acme.localhost:3000/', { headers: { cookie: 'aura_session=abc' } })
    const res = await apiClient(request, contextCapturing(seen)).health.$get()

    expect(res.status).toBe(200)
    expect(seen[0]?.url).toBe('http://acme.localhost:3000/api/v1/health')
    expect(seen[0]?.headers.get('cookie')).toBe('aura_session=abc')
    expect(seen[0]?.headers.get('x-request-id')).toBe('req-12345678')
  })

  it('sends no cookie header when the browser sent none', async () => {
    const seen: Request[] = []
    await apiClient(new Request('http://localhost:3000/'), contextCapturing(seen)).health.$get()
    expect(seen[0]?.headers.has('cookie')).toBe(false)
  })
})
