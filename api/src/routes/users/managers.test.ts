// F4.1 for managers (ADR 0167): a manager invites reps and deactivates reps, nothing more; F14.2: the audit
// rows and invitations.updated_by of these flows name who acted.
import { schema } from '@aura/db'
import { uniq } from '@aura/db/seed/index'
import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody, lastEmailTo, linkIn } from '../../../test/harness.ts'
import { apiTokenFor, bearer } from '../../../test/platform.ts'
import { createWorkspace, elevate, type Member, TEST_PASSWORD } from '../../../test/workspace.ts'

describe('managers manage reps (F4.1, ADR 0167)', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    await elevate(api, ws.manager)
    await elevate(api, ws.rep)
  })
  afterAll(() => api.close())

  const invite = (who: Member, role: string, email = `inv-${uniq()}@example.com`) =>
    ws.as(who, '/invitations', jsonBody({ email, role }))
  const deactivate = (who: Member, id: string) => ws.as(who, `/users/${id}/deactivate`, { method: 'POST' })
  const auditOf = async (action: string, entityId: string) =>
    api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.entityId, entityId)))
      .orderBy(desc(schema.auditLog.createdAt))

  it('a manager invites a rep (201), audited with the manager as actor', async () => {
    const email = `rep-${uniq()}@example.com`
    const res = await invite(ws.manager, 'rep', email)
    expect(res.status).toBe(201)
    const invitation = await res.json()
    expect(invitation).toMatchObject({ email, role: 'rep', invitedBy: ws.manager.id })
    const [audit] = await auditOf('user.invited', invitation.id)
    expect(audit).toMatchObject({ actorUserId: ws.manager.id, after: { email, role: 'rep' } })
  })

  it('a manager cannot invite a manager or an admin (403 naming role)', async () => {
    for (const role of ['manager', 'admin']) {
      const res = await invite(ws.manager, role)
      expect(res.status).toBe(403)
      const body = await res.json()
      expect(body.errors).toEqual([{ field: 'role', message: expect.stringContaining(role) }])
    }
  })

  it('a manager lists and revokes rep invitations only; an admin’s other invitations stay theirs', async () => {
    const rep = await (await invite(ws.manager, 'rep')).json()
    const mgrEmail = `mgr-${uniq()}@example.com`
    const mgr = await (await invite(ws.admin, 'manager', mgrEmail)).json()
    const listed = (await (await ws.as(ws.manager, '/invitations?limit=100')).json()).data
    expect(listed.map((i: { role: string }) => i.role)).not.toContain('manager')
    expect(listed.map((i: { id: string }) => i.id)).toContain(rep.id)
    const all = (await (await ws.as(ws.admin, '/invitations?limit=100')).json()).data
    expect(all.map((i: { id: string }) => i.id)).toContain(mgr.id)

    // Another role's invitation is as unknown to a manager as in their list; replacing it is refused.
    expect((await ws.as(ws.manager, `/invitations/${mgr.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await invite(ws.manager, 'rep', mgrEmail)).status).toBe(409)
    const [mgrRow] = await api.db.select().from(schema.invitations).where(eq(schema.invitations.id, mgr.id))
    expect(mgrRow?.revokedAt).toBeNull()

    expect((await ws.as(ws.manager, `/invitations/${rep.id}`, { method: 'DELETE' })).status).toBe(204)
    const [row] = await api.db.select().from(schema.invitations).where(eq(schema.invitations.id, rep.id))
    expect(row).toMatchObject({ revokedAt: expect.any(Date), updatedBy: ws.manager.id })
    const [audit] = await auditOf('invitation.revoked', rep.id)
    expect(audit?.actorUserId).toBe(ws.manager.id)
  })

  it('a manager cannot deactivate an admin or another manager (403), nor themself (409)', async () => {
    const otherManager = await ws.member('manager')
    for (const target of [ws.admin, otherManager]) {
      const res = await deactivate(ws.manager, target.id)
      expect(res.status).toBe(403)
      expect((await res.json()).title).toContain(target.role)
      expect((await ws.as(target, '/me')).status).toBe(200)
    }
    expect((await deactivate(ws.manager, ws.manager.id)).status).toBe(409)
  })

  it('a manager deactivates a rep behind step-up: sessions and tokens end, audited with the manager', async () => {
    const rep = await ws.member('rep')
    const fresh = await ws.member('manager')
    const refused = await deactivate(fresh, rep.id)
    expect(refused.status).toBe(403)
    expect((await refused.json()).code).toBe('step_up_required')

    const token = await apiTokenFor(api, ws.tenant.id, rep.id)
    const res = await deactivate(ws.manager, rep.id)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'deactivated' })
    expect((await ws.as(rep, '/me')).status).toBe(401)
    expect((await api.request(ws.slug, '/me', bearer(token))).status).toBe(401)
    const [audit] = await auditOf('user.deactivated', rep.id)
    expect(audit).toMatchObject({
      actorUserId: ws.manager.id,
      after: { status: 'deactivated', sessionsRevoked: 1, tokensRevoked: 1 },
    })
  })

  it('a manager cannot change anyone’s role, not even a rep’s', async () => {
    const rep = await ws.member('rep')
    for (const [id, role] of [
      [rep.id, 'manager'],
      [ws.manager.id, 'admin'],
    ] as const) {
      const res = await ws.as(ws.manager, `/users/${id}`, { ...jsonBody({ role }), method: 'PATCH' })
      expect(res.status).toBe(403)
    }
    const [row] = await api.db.select().from(schema.users).where(eq(schema.users.id, rep.id))
    expect(row?.role).toBe('rep')
  })

  it('a rep can do none of it', async () => {
    const other = await ws.member('rep')
    expect((await invite(ws.rep, 'rep')).status).toBe(403)
    expect((await ws.as(ws.rep, '/invitations')).status).toBe(403)
    const pending = await (await invite(ws.admin, 'rep')).json()
    expect((await ws.as(ws.rep, `/invitations/${pending.id}`, { method: 'DELETE' })).status).toBe(403)
    expect((await deactivate(ws.rep, other.id)).status).toBe(403)
    expect((await ws.as(other, '/me')).status).toBe(200)
    const res = await ws.as(ws.rep, `/users/${other.id}`, {
      ...jsonBody({ role: 'manager' }),
      method: 'PATCH',
    })
    expect(res.status).toBe(403)
  })
})

describe('F14.2: the acting user of invitation and authentication events', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
  })
  afterAll(() => api.close())

  it('accepting: user.created names the new member (inviter in the payload); updated_by is the member', async () => {
    const email = `new-${uniq()}@example.com`
    const created = await ws.as(ws.manager, '/invitations', jsonBody({ email, role: 'rep' }))
    const invitation = await created.json()
    const token = linkIn((await lastEmailTo(api.db, email))?.text).searchParams.get('token') as string
    const res = await api.request(
      ws.slug,
      '/invitations/accept',
      jsonBody({ token, name: 'New Rep', password: 'a brand new passphrase' }),
    )
    expect(res.status).toBe(201)
    const me = await res.json()
    const [row] = await api.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.id, invitation.id))
    expect(row).toMatchObject({ acceptedAt: expect.any(Date), updatedBy: me.id })
    const [audit] = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'user.created'), eq(schema.auditLog.entityId, me.id)))
    expect(audit).toMatchObject({
      actorUserId: me.id,
      after: { invitedBy: ws.manager.id, invitationId: invitation.id },
    })
  })

  it('a failed login names the member when the email is theirs; the answer is the same as for a stranger', async () => {
    const rep = await ws.member('rep')
    const wrong = await api.request(
      ws.slug,
      '/auth/login',
      jsonBody({ email: rep.email, password: 'nope nope nope' }),
    )
    const stranger = await api.request(
      ws.slug,
      '/auth/login',
      jsonBody({ email: `nobody-${uniq()}@example.com`, password: 'nope nope nope' }),
    )
    expect(wrong.status).toBe(401)
    expect(stranger.status).toBe(401)
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined, requestId: undefined })
    expect(strip(await wrong.json())).toEqual(strip(await stranger.json()))
    const rows = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tenantId, ws.tenant.id), eq(schema.auditLog.action, 'auth.login_failed')))
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.entityId === rep.id)).toMatchObject({ actorUserId: rep.id })
    expect(rows.find((r) => r.entityId === null)).toMatchObject({ actorUserId: null })
    // No email in the row.
    expect(JSON.stringify(rows)).not.toContain(rep.email)
  })

  it('another workspace’s member is never named in this workspace’s log, password right or wrong', async () => {
    const elsewhere = await createWorkspace(api)
    for (const password of ['nope nope nope', TEST_PASSWORD]) {
      const res = await api.request(
        ws.slug,
        '/auth/login',
        jsonBody({ email: elsewhere.rep.email, password }),
      )
      expect(res.status).toBe(401)
    }
    const rows = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tenantId, ws.tenant.id), eq(schema.auditLog.entityId, elsewhere.rep.id)))
    expect(rows).toEqual([])
  })

  it('a password reset names the member whose password it was', async () => {
    const rep = await ws.member('rep')
    const asked = await api.request(ws.slug, '/auth/password-reset', jsonBody({ email: rep.email }))
    expect(asked.status).toBeLessThan(300)
    const token = linkIn((await lastEmailTo(api.db, rep.email))?.text).searchParams.get('token') as string
    const done = await api.request(
      ws.slug,
      '/auth/password-reset/confirm',
      jsonBody({ token, password: 'another new passphrase' }),
    )
    expect(done.status).toBeLessThan(300)
    const [audit] = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'auth.password_reset'), eq(schema.auditLog.entityId, rep.id)))
    expect(audit).toMatchObject({ tenantId: ws.tenant.id, actorUserId: rep.id })
  })
})
