import { schema, withPlatform, withTenant } from '@aura/db'
import { createUser, uniq } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody, lastEmailTo, linkIn, sessionCookie } from '../../../test/harness.ts'
import { createWorkspace, TEST_PASSWORD } from '../../../test/workspace.ts'
import { RESET_REQUESTED } from './recovery.index.ts'

describe('password reset by emailed single-use link (F2.3)', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let acme: Awaited<ReturnType<typeof createWorkspace>>
  let globex: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    acme = await createWorkspace(api)
    globex = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const NEW_PASSWORD = 'a brand new passphrase'
  const requestReset = async (host: string, email: string) => {
    const res = await api.request(host, '/auth/password-reset', jsonBody({ email }))
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ message: RESET_REQUESTED })
  }
  const tokenFor = async (email: string) => {
    const mail = await lastEmailTo(api.db, email)
    expect(mail?.template).toBe('password-reset')
    const link = linkIn(mail?.text)
    return { link, token: link.searchParams.get('token') as string, mail }
  }
  const confirm = (host: string, token: string, password = NEW_PASSWORD) =>
    api.request(host, '/auth/password-reset/confirm', jsonBody({ token, password }))

  it('emails a link on the workspace host; confirming sets the password, ends every session and signs in here', async () => {
    const user = await acme.member('manager')
    const other = await api.request(
      acme.slug,
      '/auth/login',
      jsonBody({ email: user.email, password: TEST_PASSWORD }),
    )
    await requestReset(acme.slug, user.email)
    const { link, token, mail } = await tokenFor(user.email)
    expect(link.origin).toBe(`http://${acme.slug}.aura.test`)
    expect(link.pathname).toBe('/reset-password')
    expect(mail?.subject).toContain(`Company ${acme.slug}`)
    expect(mail?.tenantId).toBe(acme.tenant.id)

    const res = await confirm(acme.slug, token)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: user.id, role: 'manager' })
    const fresh = sessionCookie(res)
    expect((await acme.as(user, '/me')).status).toBe(401)
    expect((await api.request(acme.slug, '/me', { headers: { cookie: sessionCookie(other) } })).status).toBe(
      401,
    )
    expect((await api.request(acme.slug, '/me', { headers: { cookie: fresh } })).status).toBe(200)

    const login = (password: string) =>
      api.request(acme.slug, '/auth/login', jsonBody({ email: user.email, password }))
    expect((await login(TEST_PASSWORD)).status).toBe(401)
    expect((await login(NEW_PASSWORD)).status).toBe(200)

    const audit = await withTenant(
      api.db,
      { tenantId: acme.tenant.id, userId: acme.admin.id, role: 'admin' },
      (tx) => tx.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, user.id)),
    )
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']),
    )
  })

  it('refuses a reused, forged, expired or superseded token with 400 naming `token`', async () => {
    const user = await acme.member('rep')
    await requestReset(acme.slug, user.email)
    const first = (await tokenFor(user.email)).token
    await requestReset(acme.slug, user.email)
    const second = (await tokenFor(user.email)).token
    const expectBadToken = async (res: Response) => {
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.code).toBe('validation_failed')
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['token'])
    }
    await expectBadToken(await confirm(acme.slug, first)) // superseded by the second link
    await expectBadToken(await confirm(acme.slug, 'x'.repeat(43))) // forged
    expect((await confirm(acme.slug, second)).status).toBe(200)
    await expectBadToken(await confirm(acme.slug, second)) // reused

    await requestReset(acme.slug, user.email)
    const third = (await tokenFor(user.email)).token
    await api.db
      .update(schema.passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.passwordResetTokens.userId, user.id))
    await expectBadToken(await confirm(acme.slug, third)) // expired
  })

  it('names the password when it is too short, and keeps the token usable', async () => {
    const user = await acme.member('rep')
    await requestReset(acme.slug, user.email)
    const { token } = await tokenFor(user.email)
    const res = await confirm(acme.slug, token, 'short')
    expect(res.status).toBe(400)
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toEqual(['password'])
    expect((await confirm(acme.slug, token)).status).toBe(200)
  })

  it("sends nothing for another workspace's member, an unknown email or a deactivated user, yet answers the same", async () => {
    const outsider = await globex.member('rep')
    const gone = await acme.member('rep')
    await withPlatform(api.db, 'maintenance', (tx) =>
      tx
        .update(schema.users)
        .set({ status: 'deactivated', deactivatedAt: new Date() })
        .where(eq(schema.users.id, gone.id)),
    )
    for (const email of [outsider.email, gone.email, `nobody-${uniq()}@example.com`]) {
      await requestReset(acme.slug, email)
      expect((await lastEmailTo(api.db, email))?.template).not.toBe('password-reset')
    }
  })

  it("does not accept a workspace member's token on another workspace", async () => {
    const user = await acme.member('rep')
    await requestReset(acme.slug, user.email)
    const { token } = await tokenFor(user.email)
    expect((await confirm(globex.slug, token)).status).toBe(400)
    expect((await confirm(acme.slug, token)).status).toBe(200)
  })

  it('resets a pre-tenant account on the root domain, audited on the platform', async () => {
    const email = `founder-${uniq()}@example.com`
    const user = await createUser(api.db, { email, password: TEST_PASSWORD })
    await requestReset('root', email)
    const { link, token } = await tokenFor(email)
    expect(link.origin).toBe('http://aura.test')
    const res = await confirm('root', token)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: user.id, tenant: null, accountStatus: 'awaiting_contract' })
    const rows = await withPlatform(api.db, 'platform-console', (tx) =>
      tx.select().from(schema.platformAuditLog).where(eq(schema.platformAuditLog.targetUserId, user.id)),
    )
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']),
    )
  })

  it('never logs the reset link or token', () => {
    expect(api.logLines.join('\n')).not.toMatch(/reset-password\?token=/)
  })
})
