// The demo seed and tenant provisioning run through the same privileged and tenant paths as the API.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withPlatform, withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { deals, processStages, products, tenants } from '../schema/index.ts'
import { seedDemo } from '../seed/demo.ts'
import { createTenant, provisionTenantDefaults, verifyPassword } from '../seed/index.ts'
import { testDb } from './db.ts'

let conn: Connection

beforeAll(async () => {
  conn = await testDb()
})
afterAll(async () => {
  await conn.close()
})

describe('provisionTenantDefaults', () => {
  it('gives a new tenant the default process and a small catalogue, through the platform path', async () => {
    const { tenant, defaults } = await withPlatform(conn.db, 'provision-tenant', async (tx) => {
      const tenant = await createTenant(tx)
      return { tenant, defaults: await provisionTenantDefaults(tx, tenant.id) }
    })
    expect(defaults.defaultProcess.process.isDefault).toBe(true)
    expect(defaults.defaultProcess.stages.map((s) => [s.name, s.winProbability, s.kind])).toEqual([
      ['Prospect', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ])
    const seen = await withTenant(conn.db, { tenantId: tenant.id, role: 'rep' }, async (tx) => ({
      stages: (await tx.select().from(processStages)).length,
      products: (await tx.select().from(products)).length,
    }))
    expect(seen).toEqual({ stages: 6, products: defaults.products.length })
  })
})

describe('seedDemo', () => {
  it('seeds once, is idempotent, and its logins verify', async () => {
    const first = await seedDemo(conn.db, 'demo-password-123')
    const second = await seedDemo(conn.db, 'demo-password-123')
    expect(first.created).toBe(true)
    expect(second).toEqual({ ...first, created: false })
    const [t] = await conn.db.select().from(tenants).where(eq(tenants.slug, 'demo'))
    expect(t?.status).toBe('active')
    const admin = first.logins.find((l) => l.role === 'admin')
    const user = await conn.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.email, admin?.email ?? ''),
    })
    expect(await verifyPassword(user?.passwordHash ?? '', 'demo-password-123')).toBe(true)
    const rollOut = await conn.db.query.deals.findFirst({ where: eq(deals.name, 'Acme kiosk roll-out') })
    expect(rollOut?.amount).toBe('11036.40')
  })
})
