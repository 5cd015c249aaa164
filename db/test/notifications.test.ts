// Notifications in the database (ADR 0169): a member reads and marks read their own only, a writer in the
// tenant may address anyone of it, preferences are private, and a writer learns only the in-app choice.
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type Role, withTenant } from '../client.ts'
import { notificationPreferences, notifications } from '../schema/index.ts'
import { createTenant, createUser } from '../seed/index.ts'
import { INSUFFICIENT_PRIVILEGE, outcome, rows } from './helpers.ts'
import { tenantWorldSuite } from './world-suite.ts'

const suite = tenantWorldSuite()

const { as } = suite
const seen = (userId: string, role: Role) =>
  as(userId, role, async (tx) =>
    (await tx.select({ id: notifications.id }).from(notifications)).map((n) => n.id),
  )
const message = (recipientUserId: string) => ({
  tenantId: suite.w.tenantId,
  recipientUserId,
  kind: 'deal.assigned' as const,
  actorUserId: suite.w.manager.id,
  dealId: suite.w.deal.id,
})

describe('notifications', () => {
  it('are written by a member for another, and read by their recipient only (not even an admin)', async () => {
    // No RETURNING: the writer may not read what it wrote for someone else (the SELECT policy).
    const id = crypto.randomUUID()
    await as(suite.w.manager.id, 'manager', (tx) =>
      tx.insert(notifications).values({ ...message(suite.w.rep.id), id }),
    )
    expect(await seen(suite.w.rep.id, 'rep')).toContain(id)
    expect(await seen(suite.w.manager.id, 'manager')).not.toContain(id)
    expect(await seen(suite.w.admin.id, 'admin')).not.toContain(id)
    expect(await seen(suite.w.otherRep.id, 'rep')).not.toContain(id)
  })

  it('are marked read by their recipient only, and crm_app changes nothing but read_at', async () => {
    const id = crypto.randomUUID()
    await as(suite.w.rep.id, 'rep', (tx) =>
      tx.insert(notifications).values({ ...message(suite.w.otherRep.id), id }),
    )
    const byOther = await as(suite.w.admin.id, 'admin', (tx) =>
      tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id)).returning(),
    )
    expect(byOther).toEqual([])
    const byRecipient = await as(suite.w.otherRep.id, 'rep', (tx) =>
      tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id)).returning(),
    )
    expect(byRecipient).toHaveLength(1)
    expect(
      await outcome(() =>
        as(suite.w.otherRep.id, 'rep', (tx) =>
          tx.update(notifications).set({ kind: 'deal.won' }).where(eq(notifications.id, id)),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(
      await outcome(() =>
        as(suite.w.otherRep.id, 'rep', (tx) => tx.delete(notifications).where(eq(notifications.id, id))),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('are never written into another tenant', async () => {
    const other = await createTenant(suite.db)
    const stranger = await createUser(suite.db, { tenantId: other.id, role: 'rep' })
    expect(
      await outcome(() =>
        as(suite.w.manager.id, 'manager', (tx) =>
          tx.insert(notifications).values({ ...message(stranger.id), tenantId: other.id, dealId: null }),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })
})

describe('notification preferences', () => {
  it('are read and written by their owner only; a writer learns only the in-app choice', async () => {
    const mine = {
      tenantId: suite.w.tenantId,
      userId: suite.w.rep.id,
      kind: 'deal.lost' as const,
      inApp: false,
      email: true,
      digest: false,
    }
    expect(
      await outcome(() => as(suite.w.rep.id, 'rep', (tx) => tx.insert(notificationPreferences).values(mine))),
    ).toBe('ok')
    expect(
      await outcome(() =>
        as(suite.w.admin.id, 'admin', (tx) =>
          tx.insert(notificationPreferences).values({ ...mine, kind: 'activity.logged' }),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    const read = (userId: string, role: Role) =>
      as(userId, role, (tx) => tx.select().from(notificationPreferences))
    expect((await read(suite.w.rep.id, 'rep')).map((p) => p.kind).sort()).toEqual(['deal.lost', 'deal.won'])
    expect(await read(suite.w.admin.id, 'admin')).toEqual([])
    const changed = await as(suite.w.admin.id, 'admin', (tx) =>
      tx.update(notificationPreferences).set({ inApp: true }).returning(),
    )
    expect(changed).toEqual([])

    const choice = (userId: string, role: Role) =>
      as(userId, role, (tx) =>
        rows(
          tx,
          sql`select * from notification_in_app('deal.lost', array[${suite.w.rep.id}, ${suite.w.otherRep.id}]::uuid[])`,
        ),
      )
    expect(await choice(suite.w.manager.id, 'manager')).toEqual([{ user_id: suite.w.rep.id, in_app: false }])
    // Another tenant's writer learns nothing of this one's members.
    const other = await createTenant(suite.db)
    const stranger = await createUser(suite.db, { tenantId: other.id, role: 'admin' })
    const foreign = await withTenant(
      suite.db,
      { tenantId: other.id, userId: stranger.id, role: 'admin' },
      (tx) => rows(tx, sql`select * from notification_in_app('deal.won', array[${suite.w.rep.id}]::uuid[])`),
    )
    expect(foreign).toEqual([])
  })
})
