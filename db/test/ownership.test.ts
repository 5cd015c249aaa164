// Record ownership (F9): a rep sees and changes only contacts and deals assigned to or created by them,
// and their dependents follow; managers and admins see the whole tenant; an unauthenticated context none.
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Role, withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { activities, contacts, dealLineItems, dealStageHistory, deals } from '../schema/index.ts'
import { createContact, createDeal } from '../seed/index.ts'
import { testDb } from './db.ts'
import { INSUFFICIENT_PRIVILEGE, outcome } from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let w: TenantWorld

beforeAll(async () => {
  conn = await testDb()
  w = await buildTenantWorld(conn.db)
  // A second contact and deal owned by nobody in particular (created by the admin).
  await createContact(conn.db, { tenantId: w.tenantId, createdBy: w.admin.id })
  await createDeal(conn.db, { tenantId: w.tenantId, createdBy: w.admin.id })
})
afterAll(async () => {
  await conn.close()
})

const as = <T>(userId: string | null, role: Role | null, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(conn.db, { tenantId: w.tenantId, userId, role }, fn)

const visible = (userId: string | null, role: Role | null) =>
  as(userId, role, async (tx) => ({
    contacts: (await tx.select({ id: contacts.id }).from(contacts)).length,
    deals: (await tx.select({ id: deals.id }).from(deals)).length,
    lines: (await tx.select({ id: dealLineItems.id }).from(dealLineItems)).length,
    activities: (await tx.select({ id: activities.id }).from(activities)).length,
    history: (await tx.select({ id: dealStageHistory.id }).from(dealStageHistory)).length,
  }))

describe('visibility', () => {
  it('admins and managers see every contact and deal of the tenant', async () => {
    // Deals: the rep's, the other rep's and the world's unowned won one.
    const all = { contacts: 2, deals: 3, lines: 1, activities: 1, history: 1 }
    expect(await visible(w.admin.id, 'admin')).toEqual(all)
    expect(await visible(w.manager.id, 'manager')).toEqual(all)
  })

  it('a rep sees only what is assigned to them, with its lines, activities and history', async () => {
    expect(await visible(w.rep.id, 'rep')).toEqual({
      contacts: 1,
      deals: 1,
      lines: 1,
      activities: 1,
      history: 1,
    })
    expect(await visible(w.otherRep.id, 'rep')).toEqual({
      contacts: 0,
      deals: 0,
      lines: 0,
      activities: 0,
      history: 0,
    })
  })

  it('a rep sees what they created even when it is assigned to someone else', async () => {
    const c = await as(w.otherRep.id, 'rep', (tx) =>
      createContact(tx, { tenantId: w.tenantId, assignedUserId: w.manager.id }),
    )
    expect(c.createdBy).toBe(w.otherRep.id)
    expect((await visible(w.otherRep.id, 'rep')).contacts).toBe(1)
  })

  it('a tenant context without a role (not logged in) sees no contacts or deals', async () => {
    expect(await visible(null, null)).toEqual({ contacts: 0, deals: 0, lines: 0, activities: 0, history: 0 })
  })
})

describe('writes', () => {
  it('a rep cannot update another rep’s deal or contact (zero rows)', async () => {
    const changed = await as(w.otherRep.id, 'rep', async (tx) => [
      ...(await tx.update(deals).set({ name: 'hijacked' }).where(eq(deals.id, w.deal.id)).returning()),
      ...(await tx
        .update(contacts)
        .set({ title: 'hijacked' })
        .where(eq(contacts.id, w.contact.id))
        .returning()),
    ])
    expect(changed).toEqual([])
  })

  it('a rep cannot create a deal assigned to and created by someone else', async () => {
    const result = await outcome(() =>
      as(w.otherRep.id, 'rep', (tx) =>
        createDeal(tx, { tenantId: w.tenantId, assignedUserId: w.rep.id, createdBy: w.rep.id }),
      ),
    )
    expect(result).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('a rep cannot add a line item or activity to a deal they do not own', async () => {
    const line = await outcome(() =>
      as(w.otherRep.id, 'rep', (tx) =>
        tx.execute(sql`insert into deal_line_items (tenant_id, deal_id, product_id, sku_snapshot, name_snapshot,
          quantity, list_price, unit_price) values (${w.tenantId}, ${w.deal.id}, ${w.product.id}, 'x', 'x', 1, 1, 1)`),
      ),
    )
    expect(line).toBe(INSUFFICIENT_PRIVILEGE)
    const activity = await outcome(() =>
      as(w.otherRep.id, 'rep', (tx) =>
        tx.insert(activities).values({ tenantId: w.tenantId, contactId: w.contact.id, type: 'note' }),
      ),
    )
    expect(activity).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('the owner rep can update their own deal', async () => {
    const [d] = await as(w.rep.id, 'rep', (tx) =>
      tx.update(deals).set({ notes: 'called back' }).where(eq(deals.id, w.deal.id)).returning(),
    )
    expect(d?.notes).toBe('called back')
    expect(d?.updatedBy).toBe(w.rep.id)
  })
})
