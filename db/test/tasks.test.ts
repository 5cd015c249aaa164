// Tasks in the database (ADR 0168): who sees and changes a next step, and a completed task frozen like a
// logged activity, whatever the application asks.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Role, withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { tasks } from '../schema/index.ts'
import { testDb } from './db.ts'
import { INSUFFICIENT_PRIVILEGE, outcome } from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let w: TenantWorld

beforeAll(async () => {
  conn = await testDb()
  w = await buildTenantWorld(conn.db)
})
afterAll(async () => {
  await conn.close()
})

const as = <T>(userId: string, role: Role, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(conn.db, { tenantId: w.tenantId, userId, role }, fn)
const seen = (userId: string, role: Role) =>
  as(userId, role, async (tx) => (await tx.select({ id: tasks.id }).from(tasks)).map((t) => t.id))
const plan = (assigneeUserId: string) => ({
  tenantId: w.tenantId,
  type: 'call' as const,
  subject: 'Follow up',
  dueAt: new Date(),
  assigneeUserId,
  dealId: w.deal.id,
})

describe('tasks', () => {
  it('are seen by the assignee, by those who see the deal, and by leads; not by another rep', async () => {
    expect(await seen(w.rep.id, 'rep')).toEqual([w.task.id])
    expect(await seen(w.manager.id, 'manager')).toEqual([w.task.id])
    expect(await seen(w.admin.id, 'admin')).toEqual([w.task.id])
    expect(await seen(w.otherRep.id, 'rep')).toEqual([])
  })

  it('a rep plans for themself only; a manager for anyone', async () => {
    expect(
      await outcome(() => as(w.rep.id, 'rep', (tx) => tx.insert(tasks).values(plan(w.otherRep.id)))),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(await outcome(() => as(w.rep.id, 'rep', (tx) => tx.insert(tasks).values(plan(w.rep.id))))).toBe(
      'ok',
    )
    expect(
      await outcome(() => as(w.manager.id, 'manager', (tx) => tx.insert(tasks).values(plan(w.otherRep.id)))),
    ).toBe('ok')
  })

  it('another rep cannot reschedule or complete a task they cannot see', async () => {
    const changed = await as(w.otherRep.id, 'rep', (tx) =>
      tx.update(tasks).set({ subject: 'hijacked' }).where(eq(tasks.id, w.task.id)).returning(),
    )
    expect(changed).toEqual([])
  })

  it('a completed task is immutable except for its deletion, set once', async () => {
    const [task] = await as(w.rep.id, 'rep', (tx) => tx.insert(tasks).values(plan(w.rep.id)).returning())
    if (!task) throw new Error('no task')
    const byId = eq(tasks.id, task.id)
    await as(w.rep.id, 'rep', (tx) =>
      tx.update(tasks).set({ completedAt: new Date(), completedBy: w.rep.id }).where(byId),
    )
    for (const change of [
      { subject: 'rewritten' },
      { dueAt: new Date(0) },
      { completedAt: null, completedBy: null },
    ]) {
      expect(
        await outcome(() => as(w.admin.id, 'admin', (tx) => tx.update(tasks).set(change).where(byId))),
      ).toBe(INSUFFICIENT_PRIVILEGE)
    }
    expect(
      await outcome(() =>
        as(w.rep.id, 'rep', (tx) => tx.update(tasks).set({ deletedAt: new Date() }).where(byId)),
      ),
    ).toBe('ok')
    expect(
      await outcome(() =>
        as(w.rep.id, 'rep', (tx) =>
          tx
            .update(tasks)
            .set({ deletedAt: new Date(0) })
            .where(byId),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })
})
