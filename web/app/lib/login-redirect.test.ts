// The login action end to end (real API, real database): a correct login with a crafted ?next= lands on
// this site, never on the host the link named.
import { createLogger } from '@aura/api/lib/logger'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../api/test/harness.ts'
import { createWorkspace, TEST_PASSWORD } from '../../../api/test/workspace.ts'
import '../load-context.ts'
import { action } from '../routes/login.tsx'

type TestApi = Awaited<ReturnType<typeof createTestApi>>

describe('login ?next=', () => {
  let api: TestApi
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
  }, 120_000)
  afterAll(() => api.close())

  const context = (): AppLoadContext => ({
    apiFetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      api.app.fetch(new Request(input, init))) as typeof fetch,
    requestId: 'login-redirect-1',
    log: createLogger('error'),
    rootDomain: 'aura.test',
  })
  const logIn = async (next: string) => {
    const request = new Request(`http://${ws.slug}.aura.test/login?next=${encodeURIComponent(next)}`, {
      method: 'POST',
      body: new URLSearchParams({ email: ws.rep.email, password: TEST_PASSWORD }),
    })
    const res = (await action({ request, context: context(), params: {} })) as Response
    expect(res.status).toBe(302)
    return res.headers.get('location')
  }

  it.each([
    '/\\evil.example',
    '/\t/evil.example',
    '//evil.example',
    '/%5Cevil.example',
    'https://evil.example',
  ])('sends %j home instead of off-site', async (next) => {
    expect(await logIn(next)).toBe('/dashboard')
  })

  it('follows a same-origin path', async () => {
    expect(await logIn('/deals?stage=won')).toBe('/deals?stage=won')
  })
})
