import { schema, withPlatform } from '@aura/db'
import { createUser, uniq } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { signInPlatformAdmin, signUpVerified } from '../../../test/platform.ts'
import { createWorkspace, TEST_PASSWORD } from '../../../test/workspace.ts'

describe('platform console: accounts, contract, activation', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ops: Awaited<ReturnType<typeof signInPlatformAdmin>>
  beforeAll(async () => {
    api = await createTestApi()
    ops = await signInPlatformAdmin(api)
  })
  afterAll(() => api.close())

  it('lists pre-tenant accounts with contract status, verification and requested company', async () => {
    const account = await signUpVerified(api)
    const res = await ops.get('/platform/accounts?limit=100')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.data).toContainEqual(
      expect.objectContaining({
        id: account.id,
        email: account.email,
        emailVerified: true,
        contractStatus: 'none',
        requestedCompanyName: 'Fiona Ltd',
      }),
    )
    expect(body.data.some((a: { id: string }) => a.id === ops.id)).toBe(false)
  })

  it('pages accounts with a cursor', async () => {
    await signUpVerified(api)
    const first = await (await ops.get('/platform/accounts?limit=1')).json()
    expect(first.data).toHaveLength(1)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await (await ops.get(`/platform/accounts?limit=1&cursor=${first.nextCursor}`)).json()
    expect(second.data[0].id).not.toBe(first.data[0].id)
  })

  it('refuses activation before the contract is signed (422), then activates in one transaction', async () => {
    const account = await signUpVerified(api)
    const slug = `acme-${uniq()}`
    const early = await ops.post(`/platform/accounts/${account.id}/activate`, { slug, companyName: 'Acme' })
    expect(early.status).toBe(422)

    const contract = await ops.post(`/platform/accounts/${account.id}/contract`)
    expect(contract.status).toBe(200)
    expect(await contract.json()).toMatchObject({
      contractStatus: 'signed',
      contractSignedAt: expect.any(String),
    })

    const res = await ops.post(`/platform/accounts/${account.id}/activate`, { slug, companyName: 'Acme Inc' })
    expect(res.status).toBe(201)
    const tenant = await res.json()
    expect(tenant).toMatchObject({
      slug,
      companyName: 'Acme Inc',
      status: 'active',
      activatedAt: expect.any(String),
    })

    const [user] = await api.db.select().from(schema.users).where(eq(schema.users.id, account.id))
    expect(user).toMatchObject({ tenantId: tenant.id, role: 'admin' })
    const processes = await api.db
      .select()
      .from(schema.salesProcesses)
      .where(eq(schema.salesProcesses.tenantId, tenant.id))
    expect(processes.map((p) => p.isDefault)).toEqual([true])
    const products = await api.db
      .select()
      .from(schema.products)
      .where(eq(schema.products.tenantId, tenant.id))
    expect(products.length).toBeGreaterThan(0)
    const tenantAudit = await api.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.tenantId, tenant.id))
    expect(tenantAudit.map((a) => a.action)).toContain('tenant.activated')
    const platformAudit = await withPlatform(api.db, 'platform-console', (tx) =>
      tx.select().from(schema.platformAuditLog).where(eq(schema.platformAuditLog.targetUserId, account.id)),
    )
    expect(platformAudit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['account.contract_signed', 'tenant.activated']),
    )

    // The new admin signs in on the workspace host.
    const login = await api.request(
      slug,
      '/auth/login',
      jsonBody({ email: account.email, password: TEST_PASSWORD }),
    )
    expect(login.status).toBe(200)
    expect(await login.json()).toMatchObject({ role: 'admin', accountStatus: 'member' })

    // An account already in a workspace cannot be activated again.
    const again = await ops.post(`/platform/accounts/${account.id}/activate`, {
      slug: `x-${uniq()}`,
      companyName: 'X',
    })
    expect(again.status).toBe(404)
  })

  it('refuses an unverified account (422)', async () => {
    const user = await createUser(api.db, {
      emailVerifiedAt: null,
      contractStatus: 'signed',
      contractSignedAt: new Date(),
    })
    const res = await ops.post(`/platform/accounts/${user.id}/activate`, {
      slug: `u-${uniq()}`,
      companyName: 'U',
    })
    expect(res.status).toBe(422)
  })

  it.each(['www', 'api', 'admin', 'app', 'mail', 'billing', 'Status'])(
    'refuses the reserved slug %s',
    async (slug) => {
      const user = await createUser(api.db, { contractStatus: 'signed', contractSignedAt: new Date() })
      const res = await ops.post(`/platform/accounts/${user.id}/activate`, { slug, companyName: 'Reserved' })
      expect(res.status).toBe(400)
      expect((await res.json()).errors).toEqual([{ field: 'slug', message: 'This address is reserved' }])
    },
  )

  it.each(['-acme', 'acme-', 'ac_me', 'a.b', '', 'x'.repeat(64)])(
    'refuses %j as not a DNS label',
    async (slug) => {
      const user = await createUser(api.db, { contractStatus: 'signed', contractSignedAt: new Date() })
      const res = await ops.post(`/platform/accounts/${user.id}/activate`, { slug, companyName: 'Bad' })
      expect(res.status).toBe(400)
      expect((await res.json()).errors[0].field).toBe('slug')
    },
  )

  it('refuses a slug already taken (409 naming slug) and leaves nothing behind', async () => {
    const taken = await createWorkspace(api)
    const user = await createUser(api.db, { contractStatus: 'signed', contractSignedAt: new Date() })
    const res = await ops.post(`/platform/accounts/${user.id}/activate`, {
      slug: taken.slug,
      companyName: 'Dup',
    })
    expect(res.status).toBe(409)
    expect((await res.json()).errors).toEqual([{ field: 'slug', message: 'Already in use' }])
    const [after] = await api.db.select().from(schema.users).where(eq(schema.users.id, user.id))
    expect(after?.tenantId).toBeNull()
  })

  it('is for platform admins on the root domain only', async () => {
    const ws = await createWorkspace(api)
    const account = await signUpVerified(api)
    expect((await api.request('root', '/platform/accounts')).status).toBe(401)
    const login = await api.request(
      'root',
      '/auth/login',
      jsonBody({ email: account.email, password: TEST_PASSWORD }),
    )
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? ''
    expect((await api.request('root', '/platform/accounts', { headers: { cookie } })).status).toBe(403)
    expect((await ws.as(ws.admin, '/platform/accounts')).status).toBe(404)
    expect((await ws.as(ws.admin, '/platform/tenants')).status).toBe(404)
  })
})
