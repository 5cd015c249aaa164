// Tasks in the database (ADR 0168): who sees and changes a next step, and a completed task frozen like a
// logged activity, whatever the application asks.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Role } from '../client.ts'
import { tasks } from '../schema/index.ts'
import { INSUFFICIENT_PRIVILEGE, outcome } from './helpers.ts'
import { tenantWorldSuite } from './world-suite.ts'

const suite = tenantWorldSuite()

const { as } = suite
const seen = (userId: string, role: Role) =>
  as(userId, role, async (tx) => (await tx.select({ id: tasks.id }).from(tasks)).map((t) => t.id))
const plan = (assigneeUserId: string) => ({
  tenantId: suite.w.tenantId,
  type: 'call' as const,
  subject: 'Follow up',
  dueAt: new Date(),
  assigneeUserId,
  dealId: suite.w.deal.id,
})

describe('tasks', () => {
  it('are seen by the assignee, by those who see the deal, and by leads; not by another rep', async () => {
    expect(await seen(suite.w.rep.id, 'rep')).toEqual([suite.w.task.id])
    expect(await seen(suite.w.manager.id, 'manager')).toEqual([suite.w.task.id])
    expect(await seen(suite.w.admin.id, 'admin')).toEqual([suite.w.task.id])
    expect(await seen(suite.w.otherRep.id, 'rep')).toEqual([])
  })

  it('a rep plans for themself only; a manager for anyone', async () => {
    expect(
      await outcome(() =>
        as(suite.w.rep.id, 'rep', (tx) => tx.insert(tasks).values(plan(suite.w.otherRep.id))),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(
      await outcome(() => as(suite.w.rep.id, 'rep', (tx) => tx.insert(tasks).values(plan(suite.w.rep.id)))),
    ).toBe('ok')
    expect(
      await outcome(() =>
        as(suite.w.manager.id, 'manager', (tx) => tx.insert(tasks).values(plan(suite.w.otherRep.id))),
      ),
    ).toBe('ok')
  })

  it('another rep cannot reschedule or complete a task they cannot see', async () => {
    const changed = await as(suite.w.otherRep.id, 'rep', (tx) =>
      tx.update(tasks).set({ subject: 'hijacked' }).where(eq(tasks.id, suite.w.task.id)).returning(),
    )
    expect(changed).toEqual([])
  })

  it('a completed task is immutable except for its deletion, set once', async () => {
    const [task] = await as(suite.w.rep.id, 'rep', (tx) =>
      tx.insert(tasks).values(plan(suite.w.rep.id)).returning(),
    )
    if (!task) throw new Error('no task')
    const byId = eq(tasks.id, task.id)
    await as(suite.w.rep.id, 'rep', (tx) =>
      tx.update(tasks).set({ completedAt: new Date(), completedBy: suite.w.rep.id }).where(byId),
    )
    for (const change of [
      { subject: 'rewritten' },
      { dueAt: new Date(0) },
      { completedAt: null, completedBy: null },
    ]) {
      expect(
        await outcome(() => as(suite.w.admin.id, 'admin', (tx) => tx.update(tasks).set(change).where(byId))),
      ).toBe(INSUFFICIENT_PRIVILEGE)
    }
    expect(
      await outcome(() =>
        as(suite.w.rep.id, 'rep', (tx) => tx.update(tasks).set({ deletedAt: new Date() }).where(byId)),
      ),
    ).toBe('ok')
    expect(
      await outcome(() =>
        as(suite.w.rep.id, 'rep', (tx) =>
          tx
            .update(tasks)
            .set({ deletedAt: new Date(0) })
            .where(byId),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })
})
