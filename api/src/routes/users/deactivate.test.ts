import { schema } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { apiTokenFor, bearer } from '../../../test/platform.ts'
import { createWorkspace, elevate, TEST_PASSWORD } from '../../../test/workspace.ts'

describe('POST /users/{id}/deactivate (F3.4, F3.5)', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    await elevate(api, ws.admin)
  })
  afterAll(() => api.close())

  const deactivate = (who: Parameters<typeof ws.as>[0], id: string) =>
    ws.as(who, `/users/${id}/deactivate`, { method: 'POST' })

  it('needs step-up (NFR-S8: deactivation is user deletion)', async () => {
    const fresh = await ws.member('admin')
    const res = await deactivate(fresh, ws.rep.id)
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('step_up_required')
  })

  it('kills sessions and API tokens at once, refuses login, keeps the row, audits', async () => {
    const rep = await ws.member('rep')
    const token = await apiTokenFor(api, ws.tenant.id, rep.id)
    expect((await api.request(ws.slug, '/me', bearer(token))).status).toBe(200)

    const res = await deactivate(ws.admin, rep.id)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'deactivated', deactivatedAt: expect.any(String) })

    expect((await ws.as(rep, '/me')).status).toBe(401)
    expect((await api.request(ws.slug, '/me', bearer(token))).status).toBe(401)
    const login = await api.request(
      ws.slug,
      '/auth/login',
      jsonBody({ email: rep.email, password: TEST_PASSWORD }),
    )
    expect(login.status).toBe(401)
    expect(await api.db.select().from(schema.sessions).where(eq(schema.sessions.userId, rep.id))).toEqual([])
    const [tokenRow] = await api.db.select().from(schema.apiTokens).where(eq(schema.apiTokens.userId, rep.id))
    expect(tokenRow?.revokedAt).not.toBeNull()

    const [row] = await api.db.select().from(schema.users).where(eq(schema.users.id, rep.id))
    expect(row).toMatchObject({ email: rep.email, status: 'deactivated' })
    const [audit] = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'user.deactivated'), eq(schema.auditLog.entityId, rep.id)))
    expect(audit).toMatchObject({
      actorUserId: ws.admin.id,
      after: { status: 'deactivated', sessionsRevoked: 1, tokensRevoked: 1 },
    })
  })

  it('shows deactivated members in the list with their status', async () => {
    const res = await ws.as(ws.manager, '/users?status=deactivated')
    expect((await res.json()).data.every((u: { status: string }) => u.status === 'deactivated')).toBe(true)
  })

  it('refuses to deactivate yourself (409)', async () => {
    const res = await deactivate(ws.admin, ws.admin.id)
    expect(res.status).toBe(409)
    expect((await ws.as(ws.admin, '/me')).status).toBe(200)
  })

  it('is for admins, and managers for reps only (managers.test.ts); never for reps', async () => {
    await elevate(api, ws.manager)
    expect((await deactivate(ws.manager, ws.admin.id)).status).toBe(403)
    expect((await deactivate(ws.rep, ws.manager.id)).status).toBe(403)
    expect((await ws.as(ws.rep, '/me')).status).toBe(200)
  })
})
