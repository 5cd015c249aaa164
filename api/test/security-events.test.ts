// F5.6: what a probing caller leaves behind. An RLS refusal raised by the database, a credential used on
// another workspace and a burst of unknown ids each become a security event, in the workspace's audit log
// (where admins filter them with ?category=security) and in the platform's.
import { schema, withPlatform, withTenant } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memberTx, requireMember } from '../src/middleware/auth.ts'
import { NOT_FOUND_BURST } from '../src/middleware/security-signals.ts'
import { createTestApi } from './harness.ts'
import { createWorkspace } from './workspace.ts'

interface Entry {
  action: string
  actorUserId: string | null
  after: Record<string, unknown>
}

describe('security events', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let other: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '100000' })
    // A handler with the kind of bug RLS exists for: it writes into the tenant named in the request. Added
    // before the first request (Hono builds its router then); the database, not this code, refuses it.
    api.app.post('/api/v1/test-only/organizations-for/:tenantId', async (c) => {
      const member = requireMember(c)
      const tenantId = c.req.param('tenantId')
      await memberTx(c.get('deps'), member, (tx) =>
        tx.insert(schema.organizations).values({ tenantId, name: 'Planted' }),
      )
      return c.body(null, 204)
    })
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const securityLog = async () => {
    const res = await ws.as(ws.admin, '/audit-log?category=security&limit=100')
    expect(res.status).toBe(200)
    return ((await res.json()).data as Entry[]).filter((e) => e.action.startsWith('security.'))
  }
  const platformRows = (action: string) =>
    withPlatform(api.db, 'platform-console', (tx) =>
      tx.select().from(schema.platformAuditLog).where(eq(schema.platformAuditLog.action, action)),
    )

  it('an RLS refusal from the database is a 403 and a security event for the workspace and the platform', async () => {
    const res = await ws.as(ws.rep, `/test-only/organizations-for/${other.tenant.id}`, { method: 'POST' })
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const events = (await securityLog()).filter((e) => e.action === 'security.rls_violation')
    expect(events).toHaveLength(1)
    expect(events[0]?.actorUserId).toBe(ws.rep.id)
    expect(String(events[0]?.after.refusal)).toContain('row-level security')
    const platform = await platformRows('security.rls_violation')
    expect(platform.some((r) => r.actorUserId === ws.rep.id && r.targetTenantId === ws.tenant.id)).toBe(true)
    // Nothing was planted in the other workspace.
    const planted = await withTenant(
      api.db,
      { tenantId: other.tenant.id, userId: other.admin.id, role: 'admin' },
      (tx) => tx.select().from(schema.organizations).where(eq(schema.organizations.name, 'Planted')),
    )
    expect(planted).toEqual([])
  })

  it('a credential used on another workspace shows under the security filter', async () => {
    const res = await api.request(ws.slug, '/me', { headers: { cookie: other.manager.cookie } })
    expect(res.status).toBe(403)
    const events = (await securityLog()).filter((e) => e.action === 'security.cross_tenant_attempt')
    expect(events.map((e) => e.actorUserId)).toContain(other.manager.id)
  })

  it(`${NOT_FOUND_BURST} unknown ids in a minute from one user are ONE security event; fewer are none`, async () => {
    const probe = (who: typeof ws.rep) => ws.as(who, `/deals/${crypto.randomUUID()}`)
    for (let i = 0; i < NOT_FOUND_BURST - 1; i++) expect((await probe(ws.manager)).status).toBe(404)
    for (let i = 0; i < NOT_FOUND_BURST * 2 - 1; i++) expect((await probe(ws.rep)).status).toBe(404)
    const bursts = (await securityLog()).filter((e) => e.action === 'security.not_found_burst')
    expect(bursts.map((e) => e.actorUserId)).toEqual([ws.rep.id])
    // The platform log is shared by every workspace of the run (the fuzzer probes unknown ids too): this one's.
    const platform = (await platformRows('security.not_found_burst')).filter(
      (r) => r.targetTenantId === ws.tenant.id,
    )
    expect(platform.map((r) => r.actorUserId)).toEqual([ws.rep.id])
    // Past the burst the guesses count nothing more: no counter write per further 404.
    const counters = await withPlatform(api.db, 'platform-console', (tx) =>
      tx
        .select({ count: schema.rateLimitCounters.count })
        .from(schema.rateLimitCounters)
        .where(eq(schema.rateLimitCounters.key, `not-found:${ws.rep.id}`)),
    )
    for (const { count } of counters) expect(count).toBeLessThanOrEqual(NOT_FOUND_BURST)
  })

  it('the security filter shows security events only; without it they sit among the rest', async () => {
    await ws.as(ws.admin, '/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Audited' }),
    })
    const all = (await (await ws.as(ws.admin, '/audit-log?limit=100')).json()).data as Entry[]
    expect(all.some((e) => !e.action.startsWith('security.'))).toBe(true)
    const res = await ws.as(ws.admin, '/audit-log?category=security&limit=100')
    const security = (await res.json()).data as Entry[]
    expect(security.length).toBeGreaterThanOrEqual(3)
    expect(security.every((e) => e.action.startsWith('security.'))).toBe(true)
    expect((await ws.as(ws.rep, '/audit-log?category=security')).status).toBe(403)
  })
})
