// ADR 0110: an instance may start a GET from the identity it remembers, but what another instance changed
// applies to that GET at once. Two apps on one database stand for two stateless instances: each keeps its
// own caches (they are per database handle), as two Node processes or two Worker isolates would.
import { type Db, schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../test/harness.ts'
import { createWorkspace, elevate, type Member } from '../../test/workspace.ts'
import { createApp } from '../app.ts'
import { parseConfig } from '../config.ts'
import { createLogger } from '../lib/logger.ts'
import { changeTenantStatus } from '../services/platform/change-tenant-status.ts'

let api: Awaited<ReturnType<typeof createTestApi>>
let other: ReturnType<typeof createApp>
let ws: Awaited<ReturnType<typeof createWorkspace>>

/** The same database behind another handle: what a second process or isolate has. */
function anotherHandle(db: Db): Db {
  return new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

beforeAll(async () => {
  api = await createTestApi()
  const config = parseConfig({ NODE_ENV: 'test', ROOT_DOMAIN: 'aura.test' })
  other = createApp({ db: anotherHandle(api.db), config, logger: createLogger('error', {}, () => {}) })
  ws = await createWorkspace(api)
}, 180_000)
afterAll(() => api.close())

/** A request to the second instance, on a workspace host. */
const onOther = (slug: string, path: string, headers: Record<string, string>) =>
  other.request(`http://${slug}.aura.test/api/v1${path}`, { headers })

const setUser = (id: string, values: Partial<typeof schema.users.$inferInsert>) =>
  withPlatform(api.db, 'platform-console', (tx) =>
    tx.update(schema.users).set(values).where(eq(schema.users.id, id)),
  )

describe('another instance’s cached identity', () => {
  it('ends with a logout made through the first instance', async () => {
    const member = await ws.member('rep')
    expect((await onOther(ws.slug, '/deals', { cookie: member.cookie })).status).toBe(200)
    expect((await ws.as(member, '/auth/logout', { method: 'POST' })).status).toBe(204)
    const after = await onOther(ws.slug, '/deals', { cookie: member.cookie })
    expect(after.status).toBe(401)
    expect(after.headers.getSetCookie().some((c) => /^aura_session=;/.test(c))).toBe(true)
    expect((await onOther(ws.slug, '/me', { cookie: member.cookie })).status).toBe(401)
  })

  it("ends with the user's deactivation, for sessions and tokens", async () => {
    const member = await ws.member('rep')
    const minted = await ws.as(member, '/tokens', jsonBody({ name: 'cached' }))
    const bearer = { authorization: `Bearer ${((await minted.json()) as { token: string }).token}` }
    expect((await onOther(ws.slug, '/deals', { cookie: member.cookie })).status).toBe(200)
    expect((await onOther(ws.slug, '/deals', bearer)).status).toBe(200)
    await setUser(member.id, { status: 'deactivated', deactivatedAt: new Date() })
    expect((await onOther(ws.slug, '/deals', { cookie: member.cookie })).status).toBe(401)
    expect((await onOther(ws.slug, '/deals', bearer)).status).toBe(401)
  })

  it('ends with the suspension of the workspace, though the host itself is still cached', async () => {
    const acme = await createWorkspace(api)
    expect((await onOther(acme.slug, '/deals', { cookie: acme.rep.cookie })).status).toBe(200)
    await changeTenantStatus(api.db, {
      tenantId: acme.tenant.id,
      to: 'suspended',
      actorUserId: acme.admin.id,
    })
    const refused = await onOther(acme.slug, '/deals', { cookie: acme.rep.cookie })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { code: string }).code).toBe('tenant_suspended')
    // The first instance changed the status itself, so it forgot the host at once: anonymous requests too.
    const anonymous = await api.request(acme.slug, '/health')
    expect(((await anonymous.json()) as { code?: string }).code).toBe('tenant_suspended')
  })

  it('answers with the new role at once, after a demotion and after a promotion', async () => {
    const member: Member = await ws.member('admin')
    const headers = { cookie: member.cookie }
    expect((await onOther(ws.slug, '/audit-log', headers)).status).toBe(200)
    const demote = await ws.as(ws.admin, `/users/${member.id}`, {
      ...jsonBody({ role: 'rep' }),
      method: 'PATCH',
    })
    expect(demote.status).toBe(200)
    expect((await onOther(ws.slug, '/audit-log', headers)).status).toBe(403)
    expect(await (await onOther(ws.slug, '/me', headers)).json()).toMatchObject({ role: 'rep' })

    await setUser(member.id, { role: 'admin' })
    // The cache still says rep: the refusal it would give is checked against the database and not sent.
    expect((await onOther(ws.slug, '/audit-log', headers)).status).toBe(200)
    expect(await (await onOther(ws.slug, '/me', headers)).json()).toMatchObject({ role: 'admin' })
  })

  it('honours a step-up verified through another instance at once', async () => {
    const member = await ws.member('admin')
    const headers = { cookie: member.cookie }
    expect((await onOther(ws.slug, '/export', headers)).status).toBe(403)
    await elevate(api, member)
    const res = await onOther(ws.slug, '/export', headers)
    expect(res.status).toBe(200)
    await res.body?.cancel()
  })
})
