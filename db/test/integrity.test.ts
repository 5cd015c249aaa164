// Invariants the database keeps whoever writes: composite tenant keys, stage-in-process, append-only
// audit and activities, exact deal totals, guarded user roles.
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import {
  activities,
  auditLog,
  dealLineItems,
  deals,
  salesProcesses,
  tenants,
  userColumns,
  users,
} from '../schema/index.ts'
import { createDeal, createLineItem, createProcess, createProduct, createTenant } from '../seed/index.ts'
import { testDb } from './db.ts'
import {
  CHECK_VIOLATION,
  FOREIGN_KEY_VIOLATION,
  INSUFFICIENT_PRIVILEGE,
  outcome,
  UNIQUE_VIOLATION,
} from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let a: TenantWorld
let b: TenantWorld

beforeAll(async () => {
  conn = await testDb()
  a = await buildTenantWorld(conn.db)
  b = await buildTenantWorld(conn.db)
})
afterAll(async () => {
  await conn.close()
})

const asAdmin = <T>(w: TenantWorld, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(conn.db, { tenantId: w.tenantId, userId: w.admin.id, role: 'admin' }, fn)

describe('composite tenant keys', () => {
  it('refuse a deal in tenant B pointing at tenant A’s contact, even for the table owner', async () => {
    expect(await outcome(() => createDeal(conn.db, { tenantId: b.tenantId, contactId: a.contact.id }))).toBe(
      FOREIGN_KEY_VIOLATION,
    )
    expect(await outcome(() => createDeal(conn.db, { tenantId: b.tenantId, assignedUserId: a.rep.id }))).toBe(
      FOREIGN_KEY_VIOLATION,
    )
  })

  it('refuse a deal whose stage belongs to another process of the same tenant', async () => {
    const other = await createProcess(conn.db, { tenantId: a.tenantId })
    const result = await outcome(() =>
      createDeal(conn.db, {
        tenantId: a.tenantId,
        processId: a.defaults.defaultProcess.process.id,
        stageId: other.stages[0]?.id,
      }),
    )
    expect(result).toBe(FOREIGN_KEY_VIOLATION)
  })

  it('refuse a session on tenant B’s host for a user of tenant A', async () => {
    const result = await outcome(() =>
      conn.db.execute(sql`insert into sessions (id, user_id, tenant_id, expires_at)
        values (${crypto.randomUUID()}, ${a.rep.id}, ${b.tenantId}, now() + interval '1 day')`),
    )
    expect(result).toBe(FOREIGN_KEY_VIOLATION)
  })
})

describe('constraints', () => {
  it('allow one live default process per tenant', async () => {
    expect(await outcome(() => createProcess(conn.db, { tenantId: a.tenantId, isDefault: true }))).toBe(
      UNIQUE_VIOLATION,
    )
  })

  it('keep slugs DNS-safe and contact emails unique per tenant, case-insensitively, among live rows', async () => {
    expect(await outcome(() => createTenant(conn.db, { slug: 'Bad_Slug' }))).toBe(CHECK_VIOLATION)
    expect(await outcome(() => createTenant(conn.db, { slug: '-dash' }))).toBe(CHECK_VIOLATION)
    const email = a.contact.email?.toUpperCase()
    const dup = sql`insert into contacts (tenant_id, first_name, email) values (${a.tenantId}, 'Dup', ${email})`
    expect(await outcome(() => conn.db.execute(dup))).toBe(UNIQUE_VIOLATION)
    const elsewhere = sql`insert into contacts (tenant_id, first_name, email) values (${b.tenantId}, 'Ok', ${email})`
    expect(await outcome(() => conn.db.execute(elsewhere))).toBe('ok')
  })

  it('refuse a line item quantity below one', async () => {
    const result = await outcome(() =>
      createLineItem(conn.db, {
        tenantId: a.tenantId,
        dealId: a.deal.id,
        productId: a.product.id,
        quantity: 0,
      }),
    )
    expect(result).toBe(CHECK_VIOLATION)
  })
})

describe('append-only tables', () => {
  it('refuse UPDATE and DELETE of audit entries, for crm_app and for the owner', async () => {
    const update = sql`update audit_log set action = 'x' where tenant_id = ${a.tenantId}`
    const del = sql`delete from audit_log where tenant_id = ${a.tenantId}`
    expect(await outcome(() => asAdmin(a, (tx) => tx.execute(update)))).toBe(INSUFFICIENT_PRIVILEGE)
    expect(await outcome(() => asAdmin(a, (tx) => tx.execute(del)))).toBe(INSUFFICIENT_PRIVILEGE)
    expect(await outcome(() => conn.db.execute(update))).toBe(INSUFFICIENT_PRIVILEGE)
    expect(await outcome(() => conn.db.execute(del))).toBe(INSUFFICIENT_PRIVILEGE)
    const left = await conn.db.select().from(auditLog).where(eq(auditLog.tenantId, a.tenantId))
    expect(left.length).toBe(1)
  })

  it('let an activity be archived and soft-deleted once, but never edited or hard-deleted', async () => {
    const id = a.activity.id
    const edit = () =>
      asAdmin(a, (tx) => tx.update(activities).set({ description: 'rewritten' }).where(eq(activities.id, id)))
    expect(await outcome(edit)).toBe(INSUFFICIENT_PRIVILEGE)
    const ownerEdit = sql`update activities set description = 'rewritten' where id = ${id}`
    expect(await outcome(() => conn.db.execute(ownerEdit))).toBe(INSUFFICIENT_PRIVILEGE)
    const [archived] = await asAdmin(a, (tx) =>
      tx.update(activities).set({ archivedAt: new Date() }).where(eq(activities.id, id)).returning(),
    )
    expect(archived?.archivedAt).toBeInstanceOf(Date)
    const unarchive = () =>
      asAdmin(a, (tx) => tx.update(activities).set({ archivedAt: null }).where(eq(activities.id, id)))
    expect(await outcome(unarchive)).toBe(INSUFFICIENT_PRIVILEGE)
    const del = sql`delete from activities where id = ${id}`
    expect(await outcome(() => asAdmin(a, (tx) => tx.execute(del)))).toBe(INSUFFICIENT_PRIVILEGE)
    expect(await outcome(() => conn.db.execute(del))).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it.each([
    'audit_log',
    'platform_audit_log',
    'audit_log_archive',
    'deal_stage_history',
    'product_price_history',
    'activities',
  ])('refuse TRUNCATE of %s, for the owner too (it fires no row trigger)', async (table) => {
    expect(await outcome(() => conn.db.execute(sql.raw(`truncate ${table} cascade`)))).toBe(
      INSUFFICIENT_PRIVILEGE,
    )
  })

  it('refuse a TRUNCATE of tenants that would cascade into them', async () => {
    expect(await outcome(() => conn.db.execute(sql`truncate tenants cascade`))).toBe(INSUFFICIENT_PRIVILEGE)
    const left = await conn.db.select().from(tenants).where(eq(tenants.id, a.tenantId))
    expect(left).toHaveLength(1)
  })
})

describe('deal totals (F13.10)', () => {
  it('equal the exact sum of live line items at every commit', async () => {
    const { product } = await createProduct(conn.db, {
      tenantId: a.tenantId,
      blueprint: { defaultPrice: '19.99' },
    })
    const deal = await asAdmin(a, (tx) => createDeal(tx, { tenantId: a.tenantId, amount: '5.00' }))
    expect(deal.amount).toBe('5.00')
    const total = async () => {
      const [d] = await conn.db.select().from(deals).where(eq(deals.id, deal.id))
      return { amount: d?.amount, lineItemsTotal: d?.lineItemsTotal }
    }
    const line = await asAdmin(a, (tx) =>
      createLineItem(tx, { tenantId: a.tenantId, dealId: deal.id, productId: product.id, quantity: 3 }),
    )
    expect(line.extendedPrice).toBe('59.97')
    await asAdmin(a, (tx) =>
      createLineItem(tx, { tenantId: a.tenantId, dealId: deal.id, productId: product.id, unitPrice: '0.03' }),
    )
    expect(await total()).toEqual({ amount: '60.00', lineItemsTotal: '60.00' })

    // A direct write cannot make the deal disagree with its lines.
    await asAdmin(a, (tx) =>
      tx.update(deals).set({ amount: '1.00', lineItemsTotal: '2.00' }).where(eq(deals.id, deal.id)),
    )
    expect(await total()).toEqual({ amount: '60.00', lineItemsTotal: '60.00' })

    await asAdmin(a, (tx) =>
      tx.update(dealLineItems).set({ quantity: 4 }).where(eq(dealLineItems.id, line.id)),
    )
    expect(await total()).toEqual({ amount: '79.99', lineItemsTotal: '79.99' })

    await asAdmin(a, (tx) =>
      tx.update(dealLineItems).set({ deletedAt: new Date() }).where(eq(dealLineItems.id, line.id)),
    )
    expect(await total()).toEqual({ amount: '0.03', lineItemsTotal: '0.03' })
  })

  it('leave a hand-entered amount alone while the deal has no live lines', async () => {
    const deal = await createDeal(conn.db, { tenantId: a.tenantId, amount: '1234.56' })
    await conn.db.update(deals).set({ amount: '99.99' }).where(eq(deals.id, deal.id))
    const [d] = await conn.db.select().from(deals).where(eq(deals.id, deal.id))
    expect({ amount: d?.amount, lineItemsTotal: d?.lineItemsTotal }).toEqual({
      amount: '99.99',
      lineItemsTotal: '0.00',
    })
  })
})

describe('users and tenants through crm_app', () => {
  it('a member edits their profile but not their own role; an admin changes roles', async () => {
    const asRep = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
      withTenant(conn.db, { tenantId: a.tenantId, userId: a.rep.id, role: 'rep' }, fn)
    const [me] = await asRep((tx) =>
      tx.update(users).set({ department: 'EMEA' }).where(eq(users.id, a.rep.id)).returning(userColumns),
    )
    expect(me?.department).toBe('EMEA')
    const promote = () => asRep((tx) => tx.update(users).set({ role: 'admin' }).where(eq(users.id, a.rep.id)))
    expect(await outcome(promote)).toBe(INSUFFICIENT_PRIVILEGE)
    const others = await asRep((tx) =>
      tx.update(users).set({ name: 'x' }).where(eq(users.id, a.manager.id)).returning(userColumns),
    )
    expect(others).toEqual([])
    const [r] = await asAdmin(a, (tx) =>
      tx.update(users).set({ role: 'manager' }).where(eq(users.id, a.otherRep.id)).returning(userColumns),
    )
    expect(r?.role).toBe('manager')
  })

  it('nobody becomes a platform admin or changes lifecycle columns through crm_app', async () => {
    const platform = () =>
      asAdmin(a, (tx) => tx.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, a.admin.id)))
    expect(await outcome(platform)).toBe(INSUFFICIENT_PRIVILEGE)
    const suspend = () =>
      asAdmin(a, (tx) => tx.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, a.tenantId)))
    expect(await outcome(suspend)).toBe(INSUFFICIENT_PRIVILEGE)
    const [t] = await asAdmin(a, (tx) =>
      tx.update(tenants).set({ industry: 'Software' }).where(eq(tenants.id, a.tenantId)).returning(),
    )
    expect(t?.industry).toBe('Software')
    expect(t?.updatedBy).toBe(a.admin.id)
  })

  it('only admins change configuration such as sales processes', async () => {
    const rename = (role: 'manager' | 'admin') =>
      withTenant(conn.db, { tenantId: a.tenantId, userId: a.manager.id, role }, (tx) =>
        tx
          .update(salesProcesses)
          .set({ name: `Renamed by ${role}` })
          .where(eq(salesProcesses.id, a.defaults.defaultProcess.process.id))
          .returning(),
      )
    expect(await rename('manager')).toEqual([])
    expect((await rename('admin')).length).toBe(1)
  })
})
