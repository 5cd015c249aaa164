import { schema, withPlatform, withTenant } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('personal API tokens', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let acme: Awaited<ReturnType<typeof createWorkspace>>
  let globex: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    acme = await createWorkspace(api)
    globex = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
  const mint = async (who: typeof acme.rep, name = 'CI') => {
    const res = await acme.as(who, '/tokens', jsonBody({ name }))
    expect(res.status).toBe(201)
    return (await res.json()) as { id: string; token: string; prefix: string }
  }

  it('shows the token once, lists it without the secret, and acts with the owner role on its workspace', async () => {
    const created = await mint(acme.rep, 'Zapier')
    expect(created.token).toMatch(/^aura_[\w-]{40,}$/)
    expect(created.token.startsWith(created.prefix)).toBe(true)
    const list = await (await acme.as(acme.rep, '/tokens')).json()
    expect(list.data).toEqual([
      expect.objectContaining({ id: created.id, name: 'Zapier', prefix: created.prefix }),
    ])
    expect(JSON.stringify(list)).not.toContain(created.token)
    const me = await api.request(acme.slug, '/me', bearer(created.token))
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ id: acme.rep.id, role: 'rep' })
    const [stored] = await withPlatform(api.db, 'authenticate', (tx) =>
      tx.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, created.id)),
    )
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored?.lastUsedAt).toBeInstanceOf(Date)
  })

  it("refuses acme's token on globex (403, audited on globex) and on the root domain (403)", async () => {
    const { token } = await mint(acme.admin)
    expect((await api.request(globex.slug, '/me', bearer(token))).status).toBe(403)
    expect((await api.request('root', '/me', bearer(token))).status).toBe(403)
    const audit = await withTenant(
      api.db,
      { tenantId: globex.tenant.id, userId: globex.admin.id, role: 'admin' },
      (tx) =>
        tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'security.cross_tenant_attempt')),
    )
    expect(audit.some((r) => r.actorUserId === acme.admin.id)).toBe(true)
  })

  it('stops working at once when revoked (401), and revocation is audited', async () => {
    const { id, token } = await mint(acme.manager)
    expect((await acme.as(acme.manager, `/tokens/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api.request(acme.slug, '/me', bearer(token))).status).toBe(401)
    expect((await acme.as(acme.manager, `/tokens/${id}`, { method: 'DELETE' })).status).toBe(404)
    const actions = await withTenant(
      api.db,
      { tenantId: acme.tenant.id, userId: acme.admin.id, role: 'admin' },
      (tx) => tx.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, id)),
    )
    expect(actions.map((a) => a.action).sort()).toEqual(['api_token.created', 'api_token.revoked'])
  })

  it("refuses a deactivated user's token and an expired token (401)", async () => {
    const temp = await acme.member('rep')
    const { token } = await mint(temp)
    const { token: expiring, id } = await mint(acme.rep)
    await withPlatform(api.db, 'maintenance', (tx) =>
      tx
        .update(schema.users)
        .set({ status: 'deactivated', deactivatedAt: new Date() })
        .where(eq(schema.users.id, temp.id)),
    )
    // Time travel as the test database's owner: no application role may change an expiry.
    await api.db
      .update(schema.apiTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.apiTokens.id, id))
    expect((await api.request(acme.slug, '/me', bearer(token))).status).toBe(401)
    expect((await api.request(acme.slug, '/me', bearer(expiring))).status).toBe(401)
  })

  it('lets admins revoke anyone’s token, a manager a rep’s (ADR 0167) but never an admin’s', async () => {
    const admins = await mint(acme.admin)
    expect((await acme.as(acme.manager, `/tokens/${admins.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await acme.as(acme.rep, `/tokens/${admins.id}`, { method: 'DELETE' })).status).toBe(404)
    const reps = await mint(acme.rep)
    expect((await acme.as(acme.manager, `/tokens/${reps.id}`, { method: 'DELETE' })).status).toBe(204)
    const managers = await mint(acme.manager)
    expect((await acme.as(acme.rep, `/tokens/${managers.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await acme.as(acme.admin, `/tokens/${managers.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await acme.as(acme.admin, `/tokens/${admins.id}`, { method: 'DELETE' })).status).toBe(204)
  })

  it('does not let a token mint tokens, and validates the body', async () => {
    const { token } = await mint(acme.rep)
    const res = await api.request(acme.slug, '/tokens', jsonBody({ name: 'x' }, bearer(token).headers))
    expect(res.status).toBe(403)
    const bad = await acme.as(acme.rep, '/tokens', jsonBody({ name: '', expiresInDays: 0 }))
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'expiresInDays',
      'name',
    ])
    const anon = await acme.as(null, '/tokens')
    expect(anon.status).toBe(401)
  })

  it('sets an expiry when asked', async () => {
    const res = await acme.as(acme.rep, '/tokens', jsonBody({ name: 'short', expiresInDays: 7 }))
    const body = await res.json()
    const days = (new Date(body.expiresAt).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThanOrEqual(7)
  })
})
