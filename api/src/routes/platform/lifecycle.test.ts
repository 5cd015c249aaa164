import { schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'
import { jsonBody } from '../../../test/harness.ts'
import { apiTokenFor, bearer, signInPlatformAdmin } from '../../../test/platform.ts'
import { createWorkspace, TEST_PASSWORD } from '../../../test/workspace.ts'
import { purgeDeletedTenants } from '../../services/platform/purge-deleted-tenants.ts'

describe('platform console: tenant lifecycle (F1.8–F1.10)', () => {
  let ops: Awaited<ReturnType<typeof signInPlatformAdmin>>
  it.beforeAll(async ({ api }) => {
    ops = await signInPlatformAdmin(api)
  })

  it('lists tenants with lifecycle timestamps and filters by status', async ({ api }) => {
    const ws = await createWorkspace(api)
    const res = await ops.get('/platform/tenants?status=active&limit=100')
    expect(res.status).toBe(200)
    const { data } = await res.json()
    expect(data).toContainEqual(
      expect.objectContaining({
        id: ws.tenant.id,
        slug: ws.slug,
        status: 'active',
        activatedAt: expect.any(String),
      }),
    )
    expect(data.every((t: { status: string }) => t.status === 'active')).toBe(true)
  })

  it('suspension refuses every session and token with tenant_suspended; resume restores them', async ({
    api,
  }) => {
    const ws = await createWorkspace(api)
    const token = await apiTokenFor(api, ws.tenant.id, ws.rep.id)
    expect((await ws.as(ws.rep, '/workspace')).status).toBe(200)

    const suspended = await ops.post(`/platform/tenants/${ws.tenant.id}/suspend`)
    expect(suspended.status).toBe(200)
    expect(await suspended.json()).toMatchObject({ status: 'suspended', suspendedAt: expect.any(String) })

    for (const res of [
      await ws.as(ws.admin, '/workspace'),
      await ws.as(ws.rep, '/users'),
      await api.request(ws.slug, '/workspace', bearer(token)),
      await api.request(ws.slug, '/auth/login', jsonBody({ email: ws.admin.email, password: TEST_PASSWORD })),
    ]) {
      expect(res.status).toBe(403)
      const body = await res.json()
      expect(body.code).toBe('tenant_suspended')
      expect(body.title).toMatch(/suspended/i)
    }
    expect((await ops.post(`/platform/tenants/${ws.tenant.id}/suspend`)).status).toBe(409)

    const resumed = await ops.post(`/platform/tenants/${ws.tenant.id}/resume`)
    expect(resumed.status).toBe(200)
    expect(await resumed.json()).toMatchObject({ status: 'active', suspendedAt: null })
    expect((await ws.as(ws.rep, '/workspace')).status).toBe(200)
    expect((await api.request(ws.slug, '/workspace', bearer(token))).status).toBe(200)

    const audit = await api.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.tenantId, ws.tenant.id))
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['tenant.suspended', 'tenant.resumed']))
  })

  it('delete demands the slug as confirmation', async ({ api }) => {
    const ws = await createWorkspace(api)
    const res = await ops.post(`/platform/tenants/${ws.tenant.id}/delete`, { confirm: 'something-else' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0].field).toBe('confirm')
    expect((await ws.as(ws.rep, '/workspace')).status).toBe(200)
  })

  it('delete archives: host gone, sessions and tokens revoked, purge date set; purge hard-deletes later', async ({
    api,
  }) => {
    const ws = await createWorkspace(api)
    const token = await apiTokenFor(api, ws.tenant.id, ws.admin.id)
    const started = Date.now()
    const res = await ops.post(`/platform/tenants/${ws.tenant.id}/delete`, { confirm: ws.slug })
    expect(res.status).toBe(200)
    const deleted = await res.json()
    expect(deleted).toMatchObject({ status: 'deleted', deletedAt: expect.any(String) })
    const purgeAfter = new Date(deleted.purgeAfter).getTime()
    expect(purgeAfter - started).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000 - 5000)

    expect((await ws.as(ws.admin, '/workspace')).status).toBe(404)
    expect((await api.request(ws.slug, '/workspace', bearer(token))).status).toBe(404)
    const sessions = await api.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.tenantId, ws.tenant.id))
    expect(sessions).toEqual([])
    const tokens = await api.db
      .select()
      .from(schema.apiTokens)
      .where(eq(schema.apiTokens.tenantId, ws.tenant.id))
    expect(tokens.every((t) => t.revokedAt !== null)).toBe(true)
    expect((await ops.post(`/platform/tenants/${ws.tenant.id}/delete`, { confirm: ws.slug })).status).toBe(
      409,
    )

    // Data is kept until the retention period has passed.
    expect(await purgeDeletedTenants(api.db, new Date())).toEqual([])
    const [kept] = await api.db.select().from(schema.tenants).where(eq(schema.tenants.id, ws.tenant.id))
    expect(kept?.status).toBe('deleted')

    const auditBefore = await api.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.tenantId, ws.tenant.id))
    expect(auditBefore.length).toBeGreaterThan(0)
    const purged = await purgeDeletedTenants(api.db, new Date(purgeAfter + 1000))
    expect(purged).toContainEqual({ id: ws.tenant.id, slug: ws.slug })
    expect(await api.db.select().from(schema.tenants).where(eq(schema.tenants.id, ws.tenant.id))).toEqual([])
    expect(await api.db.select().from(schema.users).where(eq(schema.users.tenantId, ws.tenant.id))).toEqual(
      [],
    )
    expect(
      await api.db.select().from(schema.auditLog).where(eq(schema.auditLog.tenantId, ws.tenant.id)),
    ).toEqual([])
    const trail = await withPlatform(api.db, 'platform-console', (tx) =>
      tx
        .select()
        .from(schema.platformAuditLog)
        .where(eq(schema.platformAuditLog.targetTenantId, ws.tenant.id)),
    )
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['tenant.deleted', 'tenant.purged']))

    // F14.4: the audit trail outlives the workspace for 12 months in the platform archive, then goes.
    const archived = () =>
      withPlatform(api.db, 'platform-console', (tx) =>
        tx
          .select()
          .from(schema.auditLogArchive)
          .where(eq(schema.auditLogArchive.archivedTenantId, ws.tenant.id)),
      )
    const kept12 = await archived()
    expect(kept12.map((a) => a.id).sort()).toEqual(auditBefore.map((a) => a.id).sort())
    expect(kept12.every((a) => a.tenantSlug === ws.slug)).toBe(true)
    const newest = Math.max(...auditBefore.map((a) => a.createdAt.getTime()))
    const oldest = Math.min(...auditBefore.map((a) => a.createdAt.getTime()))
    const inElevenMonths = new Date(oldest + 335 * 24 * 3600 * 1000)
    await purgeDeletedTenants(api.db, inElevenMonths)
    expect(await archived()).toHaveLength(kept12.length)
    const inThirteenMonths = new Date(newest + 400 * 24 * 3600 * 1000)
    await purgeDeletedTenants(api.db, inThirteenMonths)
    expect(await archived()).toEqual([])
  })

  it('answers 404 for an unknown tenant id', async () => {
    const res = await ops.post(`/platform/tenants/${crypto.randomUUID()}/suspend`)
    expect(res.status).toBe(404)
  })
})
