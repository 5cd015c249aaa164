// Due reminders (F15.2, ADR 0171): a task whose due time arrives gives its assignee one `task.due`
// notification (in the app, by e-mail per their choice). Exactly once per due time: the reminder is claimed
// by writing the task's due time into task_reminders in the transaction that writes the notification, with
// an upsert that changes the row only when the due time differs, so a second run, or one running at the
// same moment (it waits on the row, then finds it done), claims nothing. Rescheduling re-arms the reminder
// (a new due time); completing or deleting the task cancels it (only open tasks are read).
import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Logger } from '../../lib/logger.ts'
import { asEachMember, type DeliveryMember, type OriginOf } from './delivery-members.ts'
import { notify } from './notify.ts'

/** A task more than a day overdue when the job first sees it gets no reminder: My day lists it anyway. */
export const REMINDER_WINDOW_MS = 24 * 60 * 60_000

const t = schema.tasks
const u = schema.users
const tn = schema.tenants
const r = schema.taskReminders

/** Reminds the assignees of tasks now due; answers how many reminders were claimed. */
export async function remindDueTasks(
  db: Db,
  opts: { now?: Date; originOf?: OriginOf; logger?: Logger; limit?: number } = {},
): Promise<{ reminded: number; failed: number }> {
  const now = opts.now ?? new Date()
  const since = new Date(now.getTime() - REMINDER_WINDOW_MS)
  const found = await withPlatform(db, 'notification-delivery', (tx) =>
    tx
      .selectDistinct({ tenantId: t.tenantId, userId: t.assigneeUserId, role: u.role, slug: tn.slug })
      .from(t)
      .innerJoin(u, and(eq(u.tenantId, t.tenantId), eq(u.id, t.assigneeUserId)))
      .innerJoin(tn, eq(tn.id, t.tenantId))
      .leftJoin(r, and(eq(r.tenantId, t.tenantId), eq(r.taskId, t.id), eq(r.dueAt, t.dueAt)))
      .where(
        and(
          isNull(t.completedAt),
          isNull(t.deletedAt),
          gt(t.dueAt, since),
          lte(t.dueAt, now),
          isNull(r.taskId),
          eq(u.status, 'active'),
          eq(tn.status, 'active'),
        ),
      )
      .limit(opts.limit ?? 500),
  )
  const members = found.filter((m): m is DeliveryMember => m.role !== null)
  const run = await asEachMember(db, members, 'task-reminders', opts, async (tx, actor, m) => {
    const claimed = (await tx.execute(sql`
      insert into task_reminders (tenant_id, task_id, due_at)
      select k.tenant_id, k.id, k.due_at from tasks k
       where k.tenant_id = ${m.tenantId} and k.assignee_user_id = ${m.userId}
         and k.completed_at is null and k.deleted_at is null
         and k.due_at > ${since} and k.due_at <= ${now}
      on conflict (tenant_id, task_id) do update set due_at = excluded.due_at
       where task_reminders.due_at is distinct from excluded.due_at
      returning task_id`)) as unknown as { rows: { task_id: string }[] }
    const ids = claimed.rows.map((c) => c.task_id)
    if (ids.length === 0) return 0
    const tasks = await tx
      .select({ id: t.id, dealId: t.dealId, contactId: t.contactId })
      .from(t)
      .where(and(eq(t.tenantId, m.tenantId), inArray(t.id, ids)))
    // The system reminds: no actor, so the assignee is not left out as the one who made the change.
    const system = { tenantId: m.tenantId, userId: null, origin: actor.origin }
    for (const task of tasks)
      await notify(tx, system, [
        {
          kind: 'task.due',
          recipientUserId: m.userId,
          about: { taskId: task.id },
          also: { dealId: task.dealId, contactId: task.contactId },
        },
      ])
    return ids.length
  })
  return { reminded: run.results.reduce((a, b) => a + b, 0), failed: run.failed }
}
