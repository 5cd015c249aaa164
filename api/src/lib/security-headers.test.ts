// Issue 11: no response carried security headers (no CSP, no frame-ancestors, no nosniff, no
// Referrer-Policy). Every API answer now does: JSON, refusals, redirects and downloads.
import { describe, expect } from 'vitest'
import { it } from '../../test/fixtures.ts'
import { elevate } from '../../test/workspace.ts'

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
}

function expectSecured(res: Response) {
  for (const [name, value] of Object.entries(COMMON)) expect(res.headers.get(name), name).toBe(value)
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).not.toContain('unsafe-inline')
  return csp
}

describe('security headers on every API answer', () => {
  it('a JSON answer, a refusal and a 404 forbid loading anything', async ({ ws }) => {
    for (const res of [
      await ws.as(ws.rep, '/organizations'),
      await ws.as(null, '/organizations'),
      await ws.as(ws.rep, '/no-such-thing'),
    ]) {
      expect(expectSecured(res)).toContain("default-src 'none'")
    }
  })

  it('a CSV download', async ({ api, ws }) => {
    await elevate(api, ws.admin)
    const res = await ws.as(ws.admin, '/export?format=csv&entity=organizations')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(expectSecured(res)).toContain("default-src 'none'")
    await res.arrayBuffer()
  })

  it("the old docs address: a redirect that loads nothing (the page is the web app's, ADR 0162)", async ({
    api,
  }) => {
    const res = await api.app.request('http://aura.test/api/docs')
    expect(res.status).toBe(302)
    expect(expectSecured(res)).toContain("default-src 'none'")
  })
})
