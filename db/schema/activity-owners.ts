// Who owns each activity's records (issue 10, ADR 0102): one row per (activity, user who is assigned to or
// created its contact or deal), kept by triggers in the same transaction as the writes that change it
// (migration 0024). A rep sees an activity through its contact's or deal's ownership (the activities
// policy's EXISTS), which no index of activities can order: a rep's newest activities would be found by
// reading past every colleague's. This table orders them per user. It only points at candidates: the
// activities themselves are still read under their own policy.
import { sql } from 'drizzle-orm'
import { foreignKey, index, pgTable, unique, uuid } from 'drizzle-orm/pg-core'
import { timestamptz } from './_columns.ts'
import { currentUserId, inTenant, policies } from './_rls.ts'
import { activities } from './activities.ts'
import { tenantId } from './tenants.ts'

/** A derived index, not a record: no audit columns (like pipeline_stage_totals). */
export const activityOwners = pgTable(
  'activity_owners',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    /** The activity's (immutable) occurred_at, so the index orders by it. */
    occurredAt: timestamptz('occurred_at').notNull(),
  },
  (t) => [
    unique('activity_owners_key').on(t.tenantId, t.activityId, t.userId),
    foreignKey({
      name: 'activity_owners_activity_fk',
      columns: [t.tenantId, t.activityId],
      foreignColumns: [activities.tenantId, activities.id],
    }).onDelete('cascade'),
    // A rep's activities newest first, in the activities list's order.
    index('activity_owners_user_recent_idx').on(
      t.tenantId,
      t.userId,
      t.occurredAt.desc(),
      t.activityId.desc(),
    ),
    ...policies({
      table: 'activity_owners',
      noun: 'activity owners',
      who: 'their user',
      commands: ['select'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why: 'Each user reads only the rows naming them (a rep finds their own activities); the activities are then read under their own policy. Written only by the triggers on activities, contacts and deals (crm_summary, migration 0024).',
    }),
  ],
)
