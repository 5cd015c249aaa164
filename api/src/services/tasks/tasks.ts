// Tasks: planned activities, the next step on a deal or contact (issue 14, ADR 0168). RLS decides who sees
// a task (its assignee, its creator, whoever sees its record, leads) and who changes it (leads, or the
// assignee); this layer adds what a policy cannot say clearly: a rep plans for themself only (403), the
// assignee must be an active member who sees the linked records (422), a completed task no longer changes
// (409). Every change is audited in its transaction.
import { schema, type Tx } from '@aura/db'
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { iso } from '../../lib/dates.ts'
import { newestFirst, soonestFirst, timestampKey, toPage } from '../../lib/pagination.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notify } from '../notifications/notify.ts'
import { ownedBy, ownersOf } from '../records/record-owners.ts'
import type { TCreateTask, TTaskListQuery, TUpdateTask } from './tasks.inputs.ts'

const t = schema.tasks
const d = schema.deals
const c = schema.contacts
const u = schema.users

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] })

const columns = {
  task: t,
  dealName: d.name,
  contactName: c.fullName,
  sortKey: timestampKey(t.dueAt),
}

/** Tasks with the names of their deal and contact (null where the caller cannot see it). */
const withNames = (tx: Tx) =>
  tx
    .select(columns)
    .from(t)
    .leftJoin(d, and(eq(d.tenantId, t.tenantId), eq(d.id, t.dealId)))
    .leftJoin(c, and(eq(c.tenantId, t.tenantId), eq(c.id, t.contactId)))

type Row = { task: typeof t.$inferSelect; dealName: string | null; contactName: string | null }

export const toTask = ({ task, dealName, contactName }: Row) => ({
  id: task.id,
  type: task.type,
  subject: task.subject,
  notes: task.notes,
  dueAt: task.dueAt.toISOString(),
  assigneeUserId: task.assigneeUserId,
  dealId: task.dealId,
  dealName,
  contactId: task.contactId,
  contactName,
  completedAt: iso(task.completedAt),
  completedBy: task.completedBy,
  createdAt: task.createdAt.toISOString(),
  createdBy: task.createdBy,
})
export type Task = ReturnType<typeof toTask>

/** A page of tasks; those of a deleted deal or contact are gone with it. */
export async function listTasks(tx: Tx, actor: Actor, query: TTaskListQuery) {
  const open = query.status === 'open'
  const order = (open ? soonestFirst : newestFirst)(t.dueAt, t.id, query.cursor)
  const assignee = query.assignee === 'me' ? actor.userId : query.assignee
  const rows = await withNames(tx)
    .where(
      and(
        eq(t.tenantId, actor.tenantId),
        isNull(t.deletedAt),
        open ? isNull(t.completedAt) : isNotNull(t.completedAt),
        assignee ? eq(t.assigneeUserId, assignee) : undefined,
        query.dealId ? eq(t.dealId, query.dealId) : undefined,
        query.contactId ? eq(t.contactId, query.contactId) : undefined,
        isNull(d.deletedAt),
        isNull(c.deletedAt),
        order.after,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.sortKey, r.task.id])
  return { data: page.data.map(toTask), nextCursor: page.nextCursor }
}

/** A live task the caller may see, or 404. */
export async function getTask(tx: Tx, id: string): Promise<Task> {
  const [row] = await withNames(tx).where(and(eq(t.id, id), isNull(t.deletedAt)))
  if (!row) throw notFound('Task')
  return toTask(row)
}

/**
 * The assignee must be an active member, the caller themself when a rep, and able to see the linked deal
 * and contact: a task never shows someone a record RLS hides from them (a rep sees their own records).
 */
async function checkAssignee(
  tx: Tx,
  actor: Actor,
  assigneeUserId: string,
  links: { dealId: string | null; contactId: string | null },
) {
  if (actor.role === 'rep' && assigneeUserId !== actor.userId) {
    throw new AppError('forbidden', 'Reps plan tasks for themselves only', {
      errors: [{ field: 'assigneeUserId', message: 'Assign the task to yourself' }],
    })
  }
  const [member] = await tx
    .select({ role: u.role })
    .from(u)
    .where(and(eq(u.tenantId, actor.tenantId), eq(u.id, assigneeUserId), eq(u.status, 'active')))
  if (!member) throw refuse('assigneeUserId', 'Not an active member of this workspace')
  if (member.role !== 'rep') return
  const sees = async (table: typeof d | typeof c, id: string | null) =>
    !id || ownedBy((await ownersOf(tx, actor.tenantId, table, [id])).get(id), assigneeUserId)
  if (!(await sees(d, links.dealId)) || !(await sees(c, links.contactId))) {
    throw refuse('assigneeUserId', 'This rep cannot see the deal or contact; reassign it to them first')
  }
}

/** Plans a task on a live deal and/or contact the caller sees (a hidden one is refused like a missing one). */
export async function createTask(tx: Tx, { actor, input }: { actor: Actor; input: TCreateTask }) {
  const links = { dealId: input.dealId ?? null, contactId: input.contactId ?? null }
  if (links.dealId) {
    const [deal] = await tx
      .select({ id: d.id })
      .from(d)
      .where(and(eq(d.tenantId, actor.tenantId), eq(d.id, links.dealId), isNull(d.deletedAt)))
    if (!deal) throw refuse('dealId', 'The deal does not exist in this workspace')
  }
  if (links.contactId) {
    const [contact] = await tx
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.tenantId, actor.tenantId), eq(c.id, links.contactId), isNull(c.deletedAt)))
    if (!contact) throw refuse('contactId', 'The contact does not exist in this workspace')
  }
  const assigneeUserId = input.assigneeUserId ?? actor.userId
  await checkAssignee(tx, actor, assigneeUserId, links)
  const [row] = await tx
    .insert(t)
    .values({
      tenantId: actor.tenantId,
      type: input.type,
      subject: input.subject,
      notes: input.notes ?? null,
      dueAt: new Date(input.dueAt),
      assigneeUserId,
      ...links,
    })
    .returning({ id: t.id })
  if (!row) throw new Error('insert returned no task')
  const task = await getTask(tx, row.id)
  await audit(tx, actor, 'task.created', task.id, undefined, summary(task))
  await notifyAssignee(tx, actor, task)
  return task
}

/** A task planned for, or handed to, someone else: they hear of it (ADR 0169). */
const notifyAssignee = (tx: Tx, actor: Actor, task: Task) =>
  notify(tx, actor, [
    {
      kind: 'task.assigned',
      recipientUserId: task.assigneeUserId,
      about: { taskId: task.id },
      also: { dealId: task.dealId, contactId: task.contactId },
    },
  ])

const summary = (task: Task) => ({
  subject: task.subject,
  type: task.type,
  dueAt: task.dueAt,
  assigneeUserId: task.assigneeUserId,
  dealId: task.dealId,
  contactId: task.contactId,
})

function audit(tx: Tx, actor: Actor, action: string, id: string, before?: unknown, after?: unknown) {
  return recordAudit(tx, {
    tenantId: actor.tenantId,
    action,
    actorUserId: actor.userId,
    entityType: 'task',
    entityId: id,
    before,
    after,
    requestId: actor.requestId,
  })
}

/**
 * The live task locked for a change. FOR UPDATE reads under the UPDATE policy too, so a task the caller may
 * see but not change (a rep's deal's task assigned to their manager) is a 404 like a missing one.
 */
async function lockTask(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.id, id), isNull(t.deletedAt)))
    .for('update')
  if (!row) throw notFound('Task')
  return getTask(tx, id)
}

const completed = () =>
  new AppError('conflict', 'A completed task no longer changes', {
    errors: [{ field: 'completedAt', message: 'Already completed' }],
  })

/** Reschedules, reassigns or rewords an open task. */
export async function updateTask(
  tx: Tx,
  { actor, id, input }: { actor: Actor; id: string; input: TUpdateTask },
) {
  const before = await lockTask(tx, id)
  if (before.completedAt) throw completed()
  if (input.assigneeUserId !== undefined && input.assigneeUserId !== before.assigneeUserId) {
    await checkAssignee(tx, actor, input.assigneeUserId, before)
  }
  await tx
    .update(t)
    .set({
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.dueAt !== undefined ? { dueAt: new Date(input.dueAt) } : {}),
      ...(input.assigneeUserId !== undefined ? { assigneeUserId: input.assigneeUserId } : {}),
    })
    .where(eq(t.id, id))
  const after = await getTask(tx, id)
  await audit(tx, actor, 'task.updated', id, summary(before), summary(after))
  if (after.assigneeUserId !== before.assigneeUserId) await notifyAssignee(tx, actor, after)
  return after
}

/** Marks the task done by the caller; completing a completed task answers it unchanged (a retried tap). */
export async function completeTask(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const before = await lockTask(tx, id)
  if (before.completedAt) return before
  await tx.update(t).set({ completedAt: new Date(), completedBy: actor.userId }).where(eq(t.id, id))
  const after = await getTask(tx, id)
  await audit(tx, actor, 'task.completed', id, undefined, {
    ...summary(after),
    completedAt: after.completedAt,
  })
  return after
}

/** Removes a task from every list (deleted_at); open or completed. */
export async function deleteTask(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const before = await lockTask(tx, id)
  await tx.update(t).set({ deletedAt: new Date() }).where(eq(t.id, id))
  await audit(tx, actor, 'task.deleted', id, summary(before))
}
