// Delivery of notifications beyond the Inbox (F15.1, ADR 0171): which task due times have had their reminder,
// and which days a member's digest was made. Both are the scheduled job's claims: a row exists exactly when
// its reminder or digest was written, in the same transaction, so a second run (or a concurrent one) finds
// the row and does nothing.
import { sql } from 'drizzle-orm'
import { date, foreignKey, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, policies } from './_rls.ts'
import { tasks } from './tasks.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

/**
 * The due time a task was last reminded of, one row per task. A reminder is due while the task is open and
 * its due_at differs from the one here: rescheduling re-arms it, completing or deleting it cancels it.
 */
export const taskReminders = pgTable(
  'task_reminders',
  {
    tenantId: tenantId(),
    taskId: uuid('task_id').notNull(),
    /** The due time this reminder was for. */
    dueAt: timestamptz('due_at').notNull(),
    ...auditColumns(),
  },
  (t) => [
    primaryKey({ name: 'task_reminders_pkey', columns: [t.tenantId, t.taskId] }),
    foreignKey({
      name: 'task_reminders_task_fk',
      columns: [t.tenantId, t.taskId],
      foreignColumns: [tasks.tenantId, tasks.id],
    }),
    ...policies({
      table: 'task_reminders',
      noun: 'task reminders',
      who: 'those who see their task',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and exists (select 1 from tasks k where k.tenant_id = task_reminders.tenant_id and k.id = task_reminders.task_id)`,
      why: 'Bookkeeping of the due-reminder job, which acts as the task’s assignee: a reminder follows its task (EXISTS under the tasks’ policies), so nobody learns of a task through it (ADR 0171).',
    }),
  ],
)

/**
 * One row per member per local day their digest was made (sent, or found empty), and the instant it covers
 * up to: the next digest lists what came after, so nothing is in two digests.
 */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    /** The member's local day (their time zone, else the workspace's). */
    day: date('day').notNull(),
    /** The digest lists unread notifications created before this instant (and after the previous one's). */
    coveredUntil: timestamptz('covered_until').notNull(),
    /** How many notifications it listed (0: nothing to send, no e-mail). */
    notificationCount: integer('notification_count').notNull(),
    ...auditColumns(),
  },
  (t) => [
    primaryKey({ name: 'notification_digests_pkey', columns: [t.tenantId, t.userId, t.day] }),
    foreignKey({
      name: 'notification_digests_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    ...policies({
      table: 'notification_digests',
      noun: 'notification digests',
      who: 'their recipient',
      commands: ['select', 'insert'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why: 'A member’s own digest days: the digest job, acting as the member, claims the day by inserting it; nobody else reads or writes them (ADR 0171).',
    }),
  ],
)
