import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'

describe('GET /api/v1/health', () => {
  it('reports the database as up on the root domain', async ({ api }) => {
    const res = await api.request('root', '/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' })
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers an unknown workspace with a problem+json 404', async ({ api }) => {
    const res = await api.request('nosuchco', '/health')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('refuses hosts outside the root domain', async ({ api }) => {
    const res = await api.app.request('http://evil.example/api/v1/health')
    expect(res.status).toBe(404)
  })

  it('answers an unknown path with problem+json and logs the request without its query', async ({ api }) => {
    const res = await api.request('root', '/nope?email=someone@example.com')
    expect(res.status).toBe(404)
    const line = api.logLines.find((l) => l.includes('/api/v1/nope'))
    expect(line).toBeDefined()
    expect(line).not.toContain('someone@example.com')
  })
})
