import { schema } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'
import { createWorkspace, elevate } from '../../../test/workspace.ts'

const patch = (body: unknown): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('GET /users, PATCH /users/{id}', () => {
  it.beforeAll(async ({ api, ws, other }) => {
    await elevate(api, ws.admin)
    await elevate(api, other.admin)
  })

  it('lists the members of this workspace only, to every role', async ({ ws, other }) => {
    for (const who of [ws.admin, ws.manager, ws.rep]) {
      const res = await ws.as(who, '/users')
      expect(res.status).toBe(200)
      const ids = (await res.json()).data.map((u: { id: string }) => u.id)
      expect(ids).toEqual(expect.arrayContaining([ws.admin.id, ws.manager.id, ws.rep.id]))
      expect(ids).not.toContain(other.admin.id)
    }
    const reps = await (await ws.as(ws.manager, '/users?role=rep')).json()
    expect(reps.data.map((u: { id: string }) => u.id)).toEqual([ws.rep.id])
  })

  it('lets an admin change a role, audited as user.role_changed', async ({ api, ws }) => {
    const rep = await ws.member('rep')
    const res = await ws.as(ws.admin, `/users/${rep.id}`, patch({ role: 'manager' }))
    expect(res.status).toBe(200)
    expect((await res.json()).role).toBe('manager')
    const [audit] = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'user.role_changed'), eq(schema.auditLog.entityId, rep.id)))
    expect(audit).toMatchObject({
      actorUserId: ws.admin.id,
      before: { role: 'rep' },
      after: { role: 'manager' },
    })
  })

  it('refuses role changes by managers and reps, even on themselves', async ({ ws }) => {
    for (const [who, target] of [
      [ws.manager, ws.rep],
      [ws.rep, ws.rep],
      [ws.manager, ws.manager],
    ] as const) {
      const res = await ws.as(who, `/users/${target.id}`, patch({ role: 'admin' }))
      expect(res.status).toBe(403)
    }
  })

  it('lets a member edit their own profile fields but not someone else’s', async ({ ws }) => {
    const mine = await ws.as(
      ws.rep,
      `/users/${ws.rep.id}`,
      patch({
        name: 'Rita Rep',
        department: 'Sales EMEA',
        phone: '+33 1 23 45 67 89',
        avatarUrl: 'https://cdn.example.com/r.png',
      }),
    )
    expect(mine.status).toBe(200)
    expect(await mine.json()).toMatchObject({ name: 'Rita Rep', department: 'Sales EMEA' })
    expect((await ws.as(ws.rep, `/users/${ws.manager.id}`, patch({ name: 'X' }))).status).toBe(403)
    expect((await ws.as(ws.manager, `/users/${ws.rep.id}`, patch({ name: 'X' }))).status).toBe(403)
    const bad = await ws.as(ws.rep, `/users/${ws.rep.id}`, patch({ avatarUrl: 'http://x.test/a.png' }))
    expect((await bad.json()).errors[0].field).toBe('avatarUrl')
  })

  it('sets, reads back and clears a member’s own time zone; /me gives the zone to show times in', async ({
    ws,
  }) => {
    const rep = await ws.member('rep')
    const me = async () => (await ws.as(rep, '/me')).json()
    expect(await me()).toMatchObject({ timezone: null, effectiveTimezone: 'UTC' })
    const set = await ws.as(rep, `/users/${rep.id}`, patch({ timezone: 'America/New_York' }))
    expect(set.status).toBe(200)
    expect((await set.json()).timezone).toBe('America/New_York')
    const listed = (await (await ws.as(rep, '/users?limit=100')).json()).data.find(
      (u: { id: string }) => u.id === rep.id,
    )
    expect(listed.timezone).toBe('America/New_York')
    expect(await me()).toMatchObject({ timezone: 'America/New_York', effectiveTimezone: 'America/New_York' })
    // ICU lists India as Asia/Calcutta; the current IANA name is accepted as given, a listed one in its case.
    const kolkata = await ws.as(rep, `/users/${rep.id}`, patch({ timezone: 'Asia/Kolkata' }))
    expect((await kolkata.json()).timezone).toBe('Asia/Kolkata')
    const lower = await ws.as(rep, `/users/${rep.id}`, patch({ timezone: 'europe/paris' }))
    expect((await lower.json()).timezone).toBe('Europe/Paris')
    const cleared = await ws.as(rep, `/users/${rep.id}`, patch({ timezone: null }))
    expect((await cleared.json()).timezone).toBeNull()
    expect(await me()).toMatchObject({ timezone: null, effectiveTimezone: 'UTC' })
  })

  it('refuses an unknown time zone naming `timezone`, and someone else’s zone to a non-admin', async ({
    api,
    ws,
  }) => {
    const rep = await ws.member('rep')
    for (const timezone of ['Mars/Olympus', '', 'GMT+2']) {
      const bad = await ws.as(rep, `/users/${rep.id}`, patch({ timezone }))
      expect(bad.status).toBe(400)
      expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toContain('timezone')
    }
    for (const who of [ws.rep, ws.manager]) {
      const res = await ws.as(who, `/users/${rep.id}`, patch({ timezone: 'Asia/Tokyo' }))
      expect(res.status).toBe(403)
    }
    const [still] = await api.db.select().from(schema.users).where(eq(schema.users.id, rep.id))
    expect(still?.timezone).toBeNull()
    const byAdmin = await ws.as(ws.admin, `/users/${rep.id}`, patch({ timezone: 'Asia/Tokyo' }))
    expect((await byAdmin.json()).timezone).toBe('Asia/Tokyo')
  })

  it('refuses to demote the last active admin (409)', async ({ api }) => {
    const solo = await createWorkspace(api)
    const res = await solo.as(solo.admin, `/users/${solo.admin.id}`, patch({ role: 'manager' }))
    expect(res.status).toBe(409)
    const second = await solo.member('admin')
    expect((await solo.as(solo.admin, `/users/${solo.admin.id}`, patch({ role: 'manager' }))).status).toBe(
      200,
    )
    expect((await solo.as(second, `/users/${second.id}`, patch({ role: 'rep' }))).status).toBe(409)
  })

  it('answers 404 for another workspace’s user', async ({ api, ws, other }) => {
    expect((await ws.as(ws.admin, `/users/${other.rep.id}`, patch({ role: 'manager' }))).status).toBe(404)
    expect((await ws.as(ws.admin, `/users/${other.rep.id}/deactivate`, { method: 'POST' })).status).toBe(404)
    const [still] = await api.db.select().from(schema.users).where(eq(schema.users.id, other.rep.id))
    expect(still).toMatchObject({ role: 'rep', status: 'active' })
  })
})
