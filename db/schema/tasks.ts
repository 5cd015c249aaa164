// Tasks (issue 14, ADR 0168): planned activities, the next step on a deal or contact: a type, a subject, a
// due time and an assignee. Open ones can be rescheduled, reassigned or deleted; a completed task is a record
// of work done and immutable like a logged activity (F10.4): only deleted_at may still be set (trigger
// guard_task_update, migration 0030). A separate table from activities: those are facts about the past with
// a contact always, these are plans on a deal and/or contact, read by due time rather than by occurrence.
import { sql } from 'drizzle-orm'
import { check, foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, isTeamLead, policies } from './_rls.ts'
import { activityType } from './activities.ts'
import { contacts } from './contacts.ts'
import { deals } from './deals.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    tenantId: tenantId(),
    type: activityType('type').notNull(),
    subject: text('subject').notNull(),
    notes: text('notes'),
    dueAt: timestamptz('due_at').notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    dealId: uuid('deal_id'),
    contactId: uuid('contact_id'),
    completedAt: timestamptz('completed_at'),
    completedBy: uuid('completed_by'),
    deletedAt: timestamptz('deleted_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('tasks_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'tasks_assignee_fk',
      columns: [t.tenantId, t.assigneeUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'tasks_completed_by_fk',
      columns: [t.tenantId, t.completedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'tasks_deal_fk',
      columns: [t.tenantId, t.dealId],
      foreignColumns: [deals.tenantId, deals.id],
    }),
    foreignKey({
      name: 'tasks_contact_fk',
      columns: [t.tenantId, t.contactId],
      foreignColumns: [contacts.tenantId, contacts.id],
    }),
    check('tasks_linked', sql`${t.dealId} is not null or ${t.contactId} is not null`),
    check('tasks_completion_pair', sql`(${t.completedAt} is null) = (${t.completedBy} is null)`),
    // "My day": a member's open tasks by due time (overdue first), read a page at a time.
    index('tasks_open_by_assignee_idx')
      .on(t.tenantId, t.assigneeUserId, t.dueAt, t.id)
      .where(sql`${t.completedAt} is null and ${t.deletedAt} is null`),
    // A deal's open tasks by due time: its next step, probed once per deal of a list page or board.
    index('tasks_open_by_deal_idx')
      .on(t.tenantId, t.dealId, t.dueAt, t.id)
      .where(sql`${t.completedAt} is null and ${t.deletedAt} is null and ${t.dealId} is not null`),
    // A deal's or contact's tasks by due time (the done ones of a deal page).
    index('tasks_deal_idx')
      .on(t.tenantId, t.dealId, t.dueAt, t.id)
      .where(sql`${t.deletedAt} is null and ${t.dealId} is not null`),
    index('tasks_contact_idx')
      .on(t.tenantId, t.contactId, t.dueAt, t.id)
      .where(sql`${t.deletedAt} is null and ${t.contactId} is not null`),
    // The due-reminder job (ADR 0171): open tasks of every workspace whose due time has just arrived. The
    // one index not led by tenant_id: a platform job's scan across tenants, like the outbox's due index.
    index('tasks_open_due_idx')
      .on(t.dueAt, t.tenantId, t.id)
      .where(sql`${t.completedAt} is null and ${t.deletedAt} is null`),
    ...policies({
      table: 'tasks',
      noun: 'tasks',
      who: 'assignees, creators, record viewers',
      commands: ['select'],
      condition: sql`${inTenant} and (${isTeamLead}
        or assignee_user_id = ${currentUserId} or created_by = ${currentUserId}
        or exists (select 1 from deals d where d.tenant_id = tasks.tenant_id and d.id = tasks.deal_id)
        or exists (select 1 from contacts c where c.tenant_id = tasks.tenant_id and c.id = tasks.contact_id))`,
      why: 'A task follows its deal or contact (EXISTS under their policies), and its assignee and creator always see it, so a manager can hand a rep a next step on the rep’s own record.',
    }),
    ...policies({
      table: 'tasks',
      noun: 'tasks',
      who: 'leads, or a rep for themself',
      commands: ['insert', 'update'],
      condition: sql`${inTenant} and (${isTeamLead} or assignee_user_id = ${currentUserId})`,
      why: 'A rep plans, reschedules and completes their own tasks only (they cannot hand work to a colleague); admins and managers assign anyone. Rows are never deleted: deleted_at is set.',
    }),
  ],
)
