// In-app notifications (F15, issue 14, ADR 0169): a message to one member that something happened to a record
// they own (reassigned to them, moved by someone else, an activity logged on it, a task handed to them) or to
// the workspace (a new member joined). Written by the service that makes the change, in its transaction.
// A notification names records by id only: their names are joined when the feed is read, under the reader's
// policies, and a notification whose record the reader can no longer see is left out of the feed, so it never
// reveals a record to its recipient (nor a stale name).
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, policies } from './_rls.ts'
import { contacts } from './contacts.ts'
import { deals } from './deals.ts'
import { salesProcesses } from './processes.ts'
import { tasks } from './tasks.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

/** What a notification can be about; the check constraint and the API's enums list these. */
export const NOTIFICATION_KINDS = [
  'deal.assigned',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'activity.logged',
  'task.assigned',
  'invitation.accepted',
  'task.due',
  'process.changed',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

const kindList = sql.raw(NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', '))

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: tenantId(),
    recipientUserId: uuid('recipient_user_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** Who did it (null for the system). */
    actorUserId: uuid('actor_user_id'),
    dealId: uuid('deal_id'),
    contactId: uuid('contact_id'),
    taskId: uuid('task_id'),
    /** The sales process of a `process.changed` notice (ADR 0171). */
    processId: uuid('process_id'),
    readAt: timestamptz('read_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('notifications_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'notifications_recipient_fk',
      columns: [t.tenantId, t.recipientUserId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'notifications_actor_fk',
      columns: [t.tenantId, t.actorUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'notifications_deal_fk',
      columns: [t.tenantId, t.dealId],
      foreignColumns: [deals.tenantId, deals.id],
    }),
    foreignKey({
      name: 'notifications_contact_fk',
      columns: [t.tenantId, t.contactId],
      foreignColumns: [contacts.tenantId, contacts.id],
    }),
    foreignKey({
      name: 'notifications_task_fk',
      columns: [t.tenantId, t.taskId],
      foreignColumns: [tasks.tenantId, tasks.id],
    }),
    foreignKey({
      name: 'notifications_process_fk',
      columns: [t.tenantId, t.processId],
      foreignColumns: [salesProcesses.tenantId, salesProcesses.id],
    }),
    check('notifications_kind_known', sql`${t.kind} in (${kindList})`),
    // The feed: a member's notifications newest first, a page at a time.
    index('notifications_feed_idx').on(t.tenantId, t.recipientUserId, t.createdAt.desc(), t.id.desc()),
    // The badge: a member's unread ones (counted up to a cap).
    index('notifications_unread_idx')
      .on(t.tenantId, t.recipientUserId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.readAt} is null`),
    ...policies({
      table: 'notifications',
      noun: 'notifications',
      who: 'their recipient',
      commands: ['select', 'update'],
      condition: sql`${inTenant} and recipient_user_id = ${currentUserId}`,
      why: 'A notification is a message to one member: only they read it or mark it read (crm_app may update read_at only).',
    }),
    ...policies({
      table: 'notifications',
      noun: 'notifications',
      who: 'members of their tenant',
      commands: ['insert'],
      condition: inTenant,
      why: 'Whoever makes a change notifies the people it concerns (a new owner, a deal’s owner, the admins), so a member writes messages for others; the service decides who receives what (ADR 0169).',
    }),
  ],
)

/**
 * A member's choice per kind: in the app, by e-mail, in a digest. No row means the defaults, which live in
 * the API (services/notifications/preferences.ts), so changing a default changes it for everyone who kept it.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    digest: boolean('digest').notNull(),
    ...auditColumns(),
  },
  (t) => [
    primaryKey({ name: 'notification_preferences_pkey', columns: [t.tenantId, t.userId, t.kind] }),
    foreignKey({
      name: 'notification_preferences_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    check('notification_preferences_kind_known', sql`${t.kind} in (${kindList})`),
    ...policies({
      table: 'notification_preferences',
      noun: 'notification preferences',
      who: 'their owner',
      commands: ['select', 'insert', 'update', 'delete'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why: 'A member’s own choice of what they are told and how: nobody else reads or changes it. A writer learns only whether a recipient turned a kind off in the app, through notification_in_app() (ADR 0169).',
    }),
  ],
)
