import { schema } from '@aura/db'
import { createUser, uniq } from '@aura/db/seed/index'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody, lastEmailTo, linkIn, sessionCookie } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

const PASSWORD = 'a brand new passphrase'

describe('invitations (F3.1–F3.3)', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const invite = async (email: string, role = 'rep') => {
    const res = await ws.as(ws.admin, '/invitations', jsonBody({ email, role }))
    if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`)
    const link = linkIn((await lastEmailTo(api.db, email))?.text)
    return { invitation: await res.json(), link, token: link.searchParams.get('token') as string }
  }
  const accept = (token: string, slug = ws.slug) =>
    api.request(slug, '/invitations/accept', jsonBody({ token, name: 'New Person', password: PASSWORD }))
  const expectBadToken = async (res: Response) => {
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([{ field: 'token', message: expect.any(String) }])
  }

  it('emails a 7-day single-use link to this host, stores only its hash, audits', async () => {
    const email = `new-${uniq()}@example.com`
    const { invitation, link, token } = await invite(email, 'manager')
    expect(invitation).toMatchObject({ email, role: 'manager', invitedBy: ws.admin.id })
    const days = (new Date(invitation.expiresAt).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThanOrEqual(7)
    expect(link.origin).toBe(`http://${ws.slug}.aura.test`)
    expect(link.pathname).toBe('/invitations/accept')
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
    const [row] = await api.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.id, invitation.id))
    expect(row?.tokenHash).not.toContain(token)
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    const mail = await lastEmailTo(api.db, email)
    expect(mail).toMatchObject({ template: 'invitation', tenantId: ws.tenant.id })
    expect(mail?.text).toContain(ws.tenant.companyName)
    const audit = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'user.invited'), eq(schema.auditLog.entityId, invitation.id)))
    expect(audit).toHaveLength(1)
    const pending = await (await ws.as(ws.admin, '/invitations')).json()
    expect(pending.data.map((i: { id: string }) => i.id)).toContain(invitation.id)
  })

  it('accepts once: creates the member with the role, signs them in; the link then stops working', async () => {
    const email = `join-${uniq()}@example.com`
    const { token } = await invite(email, 'manager')
    const res = await accept(token)
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({
      email,
      role: 'manager',
      accountStatus: 'member',
      emailVerified: true,
    })
    const me = await api.request(ws.slug, '/me', { headers: { cookie: sessionCookie(res) } })
    expect(me.status).toBe(200)
    await expectBadToken(await accept(token))
    const created = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'user.created'), eq(schema.auditLog.tenantId, ws.tenant.id)))
    expect(created.some((a) => (a.after as { email: string }).email === email)).toBe(true)
  })

  it('refuses forged, expired, revoked, superseded and other-workspace tokens with 400 naming token', async () => {
    await expectBadToken(await accept('x'.repeat(43)))

    const expired = await invite(`late-${uniq()}@example.com`)
    await api.db
      .update(schema.invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.invitations.id, expired.invitation.id))
    await expectBadToken(await accept(expired.token))

    const revoked = await invite(`gone-${uniq()}@example.com`)
    expect(
      (await ws.as(ws.admin, `/invitations/${revoked.invitation.id}`, { method: 'DELETE' })).status,
    ).toBe(204)
    await expectBadToken(await accept(revoked.token))
    expect(
      (await ws.as(ws.admin, `/invitations/${revoked.invitation.id}`, { method: 'DELETE' })).status,
    ).toBe(404)

    const email = `twice-${uniq()}@example.com`
    const first = await invite(email)
    const second = await invite(email, 'manager')
    await expectBadToken(await accept(first.token))
    const pending = await (await ws.as(ws.admin, '/invitations')).json()
    expect(pending.data.filter((i: { email: string }) => i.email === email)).toHaveLength(1)

    const elsewhere = await createWorkspace(api)
    await expectBadToken(await accept(second.token, elsewhere.slug))
    expect((await accept(second.token)).status).toBe(201)
  })

  it('previews a usable invitation (company, email, role) without using it; anything else is one 404', async () => {
    const preview = (token: string, slug = ws.slug) =>
      api.request(slug, '/invitations/preview', jsonBody({ token }))
    const email = `look-${uniq()}@example.com`
    const { token, invitation } = await invite(email, 'manager')
    const seen = await preview(token)
    expect(seen.status).toBe(200)
    expect(await seen.json()).toEqual({
      companyName: ws.tenant.companyName,
      email,
      role: 'manager',
      expiresAt: invitation.expiresAt,
    })
    // Another workspace's host, a forged token, and (below) a used one: the same 404, nothing told.
    const elsewhere = await createWorkspace(api)
    const refusals = [await preview(token, elsewhere.slug), await preview('x'.repeat(43))]
    expect((await preview(token)).status).toBe(200) // looking did not use it
    expect((await accept(token)).status).toBe(201)
    refusals.push(await preview(token))
    for (const res of refusals) {
      expect(res.status).toBe(404)
      expect(JSON.stringify(await res.json())).not.toContain(ws.tenant.companyName)
    }
    expect((await preview('short')).status).toBe(400)
  })

  it('answers 409 when the email is already a member, or already has an account elsewhere', async () => {
    const member = await ws.as(ws.admin, '/invitations', jsonBody({ email: ws.rep.email, role: 'rep' }))
    expect(member.status).toBe(409)
    expect((await member.json()).errors[0].field).toBe('email')

    const outsider = await createUser(api.db, { email: `pre-${uniq()}@example.com` })
    const { token } = await invite(outsider.email)
    expect((await accept(token)).status).toBe(409)
    const [still] = await api.db.select().from(schema.users).where(eq(schema.users.id, outsider.id))
    expect(still?.tenantId).toBeNull()
  })

  it('validates the new password and name', async () => {
    const { token } = await invite(`weak-${uniq()}@example.com`)
    const res = await api.request(
      ws.slug,
      '/invitations/accept',
      jsonBody({ token, name: '', password: 'short' }),
    )
    expect(res.status).toBe(400)
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['name', 'password']))
    expect((await accept(token)).status).toBe(201)
  })

  it('is for admins, and managers for reps only (reps get 403; managers: managers.test.ts)', async () => {
    expect(
      (await ws.as(ws.rep, '/invitations', jsonBody({ email: `x-${uniq()}@x.test`, role: 'rep' }))).status,
    ).toBe(403)
    expect((await ws.as(ws.rep, '/invitations')).status).toBe(403)
    expect(
      (await ws.as(ws.manager, '/invitations', jsonBody({ email: `x-${uniq()}@x.test`, role: 'admin' })))
        .status,
    ).toBe(403)
    const { invitation } = await invite(`keep-${uniq()}@example.com`)
    expect((await ws.as(ws.rep, `/invitations/${invitation.id}`, { method: 'DELETE' })).status).toBe(403)
  })
})
