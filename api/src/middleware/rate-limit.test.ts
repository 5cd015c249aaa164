import { schema, withPlatform } from '@aura/db'
import { eq, like } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { apiTest } from '../../test/fixtures.ts'
import { jsonBody } from '../../test/harness.ts'
import { createApp } from '../app.ts'
import { parseConfig } from '../config.ts'
import { createLogger } from '../lib/logger.ts'
import { PostgresRateLimitStore } from './rate-limit-store.ts'

/** Fixed windows: start a burst early in a minute so it cannot straddle two windows. */
async function freshWindow() {
  const into = Date.now() % 60_000
  if (into > 40_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50))
}
const randomIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 8)}`

// Many wrong logins on one account: the per-account backoff (ADR 0147, its own tests) steps aside.
const it = apiTest({ LOGIN_BACKOFF_AFTER_FAILURES: '1000' })

describe('rate limiting (NFR-S7)', { timeout: 180_000 }, () => {
  it('answers the 101st request of a user in a minute with 429, Retry-After and RateLimit-* headers; others are unaffected', async ({
    ws: acme,
  }) => {
    await freshWindow()
    let last: Response | undefined
    for (let i = 1; i <= 100; i++) {
      last = await acme.as(acme.rep, '/me')
      expect(last.status, `request ${i}`).toBe(200)
    }
    expect(last?.headers.get('RateLimit-Limit')).toBe('100')
    expect(last?.headers.get('RateLimit-Remaining')).toBe('0')
    const refused = await acme.as(acme.rep, '/me')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect((await refused.json()).code).toBe('rate_limited')
    const retryAfter = Number(refused.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused.headers.get('RateLimit-Limit')).toBe('100')
    expect(refused.headers.get('RateLimit-Remaining')).toBe('0')
    expect(refused.headers.get('RateLimit-Reset')).toBe(String(retryAfter))

    const other = await acme.as(acme.manager, '/me')
    expect(other.status).toBe(200)
    expect(Number(other.headers.get('RateLimit-Remaining'))).toBeGreaterThan(90)
  })

  it('limits login to 10 a minute per client IP, whatever the email, and other IPs still get in', async ({
    api,
    ws: acme,
  }) => {
    await freshWindow()
    const ip = randomIp()
    const login = (clientIp: string) =>
      api.request(
        acme.slug,
        '/auth/login',
        jsonBody({ email: acme.admin.email, password: 'wrong password' }),
        clientIp,
      )
    for (let i = 1; i <= 10; i++) expect((await login(ip)).status, `attempt ${i}`).toBe(401)
    const refused = await login(ip)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('RateLimit-Limit')).toBe('10')
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect((await login(randomIp())).status).toBe(401)
  })

  it('limits password reset to 5 a minute per IP', async ({ api }) => {
    await freshWindow()
    const ip = randomIp()
    const reset = () => api.request('root', '/auth/password-reset', jsonBody({ email: 'x@example.com' }), ip)
    for (let i = 1; i <= 5; i++) expect((await reset()).status).toBe(202)
    expect((await reset()).status).toBe(429)
  })

  it('ignores forged client-address headers: rotating X-Forwarded-For does not reset the login limit', async ({
    api,
    ws: acme,
  }) => {
    await freshWindow()
    const ip = randomIp()
    const login = (forged: string) =>
      api.request(
        acme.slug,
        '/auth/login',
        jsonBody(
          { email: acme.admin.email, password: 'wrong password' },
          { 'x-forwarded-for': forged, 'cf-connecting-ip': forged },
        ),
        ip,
      )
    for (let i = 1; i <= 10; i++) expect((await login(randomIp())).status, `attempt ${i}`).toBe(401)
    expect((await login(randomIp())).status).toBe(429)
  })

  it("counts a web page's in-process calls once toward the user's limit", async ({ api, ws: acme }) => {
    await freshWindow()
    const member = await acme.member('rep')
    const url = `http://${acme.slug}.aura.test/api/v1/me`
    const call = (counts: boolean) =>
      api.app.request(
        url,
        { headers: { cookie: member.cookie } },
        { aura: { clientIp: null, countsTowardUserLimit: counts } },
      )
    const first = await call(true)
    const remaining = Number(first.headers.get('RateLimit-Remaining'))
    for (let i = 0; i < 5; i++) await call(false)
    expect(Number((await call(true)).headers.get('RateLimit-Remaining'))).toBe(remaining - 1)
  })

  it('takes its limits from config', async ({ api, ws: acme }) => {
    await freshWindow()
    const config = parseConfig({
      NODE_ENV: 'test',
      ROOT_DOMAIN: 'aura.test',
      RATE_LIMIT_USER_PER_MINUTE: '3',
    })
    const app = createApp({ db: api.db, config, logger: createLogger('error', {}, () => {}) })
    const member = await acme.member('rep')
    const me = () =>
      app.request(`http://${acme.slug}.aura.test/api/v1/me`, { headers: { cookie: member.cookie } })
    expect((await me()).headers.get('RateLimit-Remaining')).toBe('2')
    await me()
    await me()
    expect((await me()).status).toBe(429)
  })

  it('does not count anonymous requests outside the auth endpoints', async ({ api }) => {
    const res = await api.request('root', '/health')
    expect(res.status).toBe(200)
    expect(res.headers.get('RateLimit-Limit')).toBeNull()
  })

  it('prunes windows that have ended', async ({ api }) => {
    const store = new PostgresRateLimitStore(api.db)
    const key = `test:${crypto.randomUUID()}`
    const old = new Date(Date.now() - 10 * 60_000)
    const windowOf = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000)
    await store.reserve(key, windowOf(old), 1)
    expect(await store.reserve(key, windowOf(new Date()), 1)).toBe(1)
    await store.prune(new Date(Date.now() - 60_000))
    const rows = await withPlatform(api.db, 'rate-limit', (tx) =>
      tx.select().from(schema.rateLimitCounters).where(like(schema.rateLimitCounters.key, key)),
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.windowStart.getTime()).toBeGreaterThan(old.getTime())
    await withPlatform(api.db, 'rate-limit', (tx) =>
      tx.delete(schema.rateLimitCounters).where(eq(schema.rateLimitCounters.key, key)),
    )
  })
})
