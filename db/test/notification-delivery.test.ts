// The delivery tables in the database (ADR 0171): a task's reminder row follows its task's visibility, a
// digest day is its member's own, neither crosses a workspace nor is ever deleted by crm_app; a writer learns
// a recipient's in-app and e-mail choices and nothing else; the platform path reads only the columns its
// scan needs.
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type Role, withPlatform, withTenant } from '../client.ts'
import { notificationDigests, notificationPreferences, taskReminders } from '../schema/index.ts'
import { createTenant, createUser } from '../seed/index.ts'
import { INSUFFICIENT_PRIVILEGE, outcome, rows } from './helpers.ts'
import { tenantWorldSuite } from './world-suite.ts'

const suite = tenantWorldSuite()
const { as } = suite

const stranger = async () => {
  const other = await createTenant(suite.db)
  const user = await createUser(suite.db, { tenantId: other.id, role: 'admin' })
  return <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(suite.db, { tenantId: other.id, userId: user.id, role: 'admin' }, fn)
}

describe('task reminders', () => {
  const reminders = (userId: string, role: Role) => as(userId, role, (tx) => tx.select().from(taskReminders))

  it('are written and seen by whoever sees the task, never in another workspace, never deleted', async () => {
    // The world's task was reminded once before it moved; its assignee's job run claims the new time.
    const row = { tenantId: suite.w.tenantId, taskId: suite.w.task.id, dueAt: suite.w.task.dueAt }
    const claimed = await as(suite.w.rep.id, 'rep', (tx) =>
      tx
        .insert(taskReminders)
        .values(row)
        .onConflictDoUpdate({
          target: [taskReminders.tenantId, taskReminders.taskId],
          set: { dueAt: row.dueAt },
          setWhere: sql`task_reminders.due_at is distinct from excluded.due_at`,
        })
        .returning(),
    )
    expect(claimed).toHaveLength(1)
    const again = await as(suite.w.rep.id, 'rep', (tx) =>
      tx
        .insert(taskReminders)
        .values(row)
        .onConflictDoUpdate({
          target: [taskReminders.tenantId, taskReminders.taskId],
          set: { dueAt: row.dueAt },
          setWhere: sql`task_reminders.due_at is distinct from excluded.due_at`,
        })
        .returning(),
    )
    expect(again).toEqual([])
    expect((await reminders(suite.w.rep.id, 'rep')).map((r) => r.taskId)).toEqual([suite.w.task.id])
    expect((await reminders(suite.w.manager.id, 'manager')).map((r) => r.taskId)).toEqual([suite.w.task.id])
    expect(await reminders(suite.w.otherRep.id, 'rep')).toEqual([])
    // A rep who cannot see the task can neither claim nor move its reminder.
    expect(
      await outcome(() =>
        as(suite.w.otherRep.id, 'rep', (tx) =>
          tx
            .insert(taskReminders)
            .values({ ...row, dueAt: new Date() })
            .onConflictDoNothing(),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    const moved = await as(suite.w.otherRep.id, 'rep', (tx) =>
      tx.update(taskReminders).set({ dueAt: new Date() }).returning(),
    )
    expect(moved).toEqual([])
    expect(await outcome(() => as(suite.w.rep.id, 'rep', (tx) => tx.delete(taskReminders)))).toBe(
      INSUFFICIENT_PRIVILEGE,
    )
    const foreign = await stranger()
    expect(await foreign((tx) => tx.select().from(taskReminders))).toEqual([])
  })
})

describe('notification digests', () => {
  const day = (userId: string) => ({
    tenantId: suite.w.tenantId,
    userId,
    day: '2026-12-03',
    coveredUntil: new Date(),
    notificationCount: 2,
  })

  it('are a member’s own: claimed once per day, read by nobody else, in no other workspace', async () => {
    expect(
      await outcome(() =>
        as(suite.w.rep.id, 'rep', (tx) => tx.insert(notificationDigests).values(day(suite.w.rep.id))),
      ),
    ).toBe('ok')
    const again = await as(suite.w.rep.id, 'rep', (tx) =>
      tx.insert(notificationDigests).values(day(suite.w.rep.id)).onConflictDoNothing().returning(),
    )
    expect(again).toEqual([])
    expect(
      await outcome(() =>
        as(suite.w.admin.id, 'admin', (tx) => tx.insert(notificationDigests).values(day(suite.w.rep.id))),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(await as(suite.w.admin.id, 'admin', (tx) => tx.select().from(notificationDigests))).toEqual([])
    const own = await as(suite.w.rep.id, 'rep', (tx) => tx.select().from(notificationDigests))
    expect(own.map((d) => d.day).sort()).toEqual(['2026-12-01', '2026-12-03'])
    const foreign = await stranger()
    expect(await foreign((tx) => tx.select().from(notificationDigests))).toEqual([])
    expect(await outcome(() => as(suite.w.rep.id, 'rep', (tx) => tx.delete(notificationDigests)))).toBe(
      INSUFFICIENT_PRIVILEGE,
    )
  })
})

describe('notification_channels()', () => {
  it('tells a writer a recipient’s in-app and e-mail choices, of its own workspace only', async () => {
    await as(suite.w.otherRep.id, 'rep', (tx) =>
      tx.insert(notificationPreferences).values({
        tenantId: suite.w.tenantId,
        userId: suite.w.otherRep.id,
        kind: 'task.due',
        inApp: true,
        email: true,
        digest: true,
      }),
    )
    const ask = sql`select * from notification_channels('task.due', array[${suite.w.otherRep.id}, ${suite.w.rep.id}]::uuid[])`
    expect(await as(suite.w.manager.id, 'manager', (tx) => rows(tx, ask))).toEqual([
      { user_id: suite.w.otherRep.id, in_app: true, email: true },
    ])
    const foreign = await stranger()
    expect(await foreign((tx) => rows(tx, ask))).toEqual([])
  })
})

describe('the platform path of the delivery jobs', () => {
  it('reads the scan’s columns of tasks and preferences, not what a task says', async () => {
    const scan = sql`select t.tenant_id, t.assignee_user_id, t.due_at from tasks t where t.completed_at is null
      and t.deleted_at is null`
    expect(await outcome(() => withPlatform(suite.db, 'notification-delivery', (tx) => rows(tx, scan)))).toBe(
      'ok',
    )
    for (const q of [
      sql`select subject from tasks`,
      sql`select in_app from notification_preferences`,
      sql`select covered_until from notification_digests`,
    ])
      expect(await outcome(() => withPlatform(suite.db, 'notification-delivery', (tx) => rows(tx, q)))).toBe(
        INSUFFICIENT_PRIVILEGE,
      )
  })
})
