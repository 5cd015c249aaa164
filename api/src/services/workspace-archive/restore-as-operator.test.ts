// The operator's restore (npm run workspace:restore) on a real database: found by slug, refused for an
// unknown or inactive workspace, recorded in both audit logs. The archive is read from the same stream
// the download sends.
import { schema, withPlatform, withTenant } from '@aura/db'
import type { Connection } from '@aura/db/connect'
import { createOrganization, createTenant, createUser, provisionTenantDefaults } from '@aura/db/seed/index'
import { testDb } from '@aura/db/test/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Archive, ZArchive } from '../../../test/archive-fixtures.ts'
import { present } from '../../../test/fixtures.ts'
import { restoreAsOperator } from './restore-as-operator.ts'
import { streamArchive } from './stream-archive.ts'

let conn: Connection
let archive: Archive

async function newWorkspace(status: 'active' | 'suspended' = 'active') {
  const tenant = await createTenant(conn.db, { status })
  await provisionTenantDefaults(conn.db, tenant.id)
  return tenant
}

beforeAll(async () => {
  conn = await testDb()
  const source = await newWorkspace()
  const admin = await createUser(conn.db, { tenantId: source.id, role: 'admin' })
  await createOrganization(conn.db, { tenantId: source.id, name: 'Kept Ltd', createdBy: admin.id })
  const ctx = { tenantId: source.id, userId: admin.id, role: 'admin' as const }
  archive = ZArchive.parse(JSON.parse(await new Response(streamArchive(conn.db, ctx, new Date())).text()))
})
afterAll(() => conn.close())

describe('restoreAsOperator', () => {
  it('refuses an unknown or inactive workspace', async () => {
    await expect(
      restoreAsOperator(conn.db, { slug: 'no-such-slug', archive, source: 'a.json' }),
    ).rejects.toThrow(/No workspace has the address no-such-slug/)
    const suspended = await newWorkspace('suspended')
    await expect(
      restoreAsOperator(conn.db, { slug: suspended.slug, archive, source: 'a.json' }),
    ).rejects.toThrow(/is suspended/)
  })

  it('restores by slug and records it in the workspace’s and the platform’s audit logs', async () => {
    const target = await newWorkspace()
    for (const u of archive.tables.users) u.email = `cli-${u.email}`
    const result = await restoreAsOperator(conn.db, { slug: target.slug, archive, source: 'a.json' })
    expect(result.restored).toMatchObject({ users: 1, organizations: 1 })
    const [org] = await withTenant(conn.db, { tenantId: target.id, role: 'admin' }, (tx) =>
      tx.select().from(schema.organizations),
    )
    expect(org?.name).toBe('Kept Ltd')
    expect(org?.createdBy).toBe(result.ids.of('users', present(archive.tables.users[0]).id))
    const platform = await withPlatform(conn.db, 'platform-console', (tx) =>
      tx.select().from(schema.platformAuditLog).where(eq(schema.platformAuditLog.targetTenantId, target.id)),
    )
    expect(platform.map((p) => [p.action, p.details.kind, p.details.file])).toEqual([
      ['workspace.restored', 'cli', 'a.json'],
    ])
    const own = await withTenant(conn.db, { tenantId: target.id, role: 'admin' }, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'workspace.restored')),
    )
    expect(own.map((a) => a.actorUserId)).toEqual([null])
  })
})
