// Activities (F10): calls, emails, meetings and notes on a contact (optionally a deal); immutable once
// written — crm_app may only set deleted_at / archived_at (column grant + trigger, rls_grants_triggers).
import { sql } from 'drizzle-orm'
import { foreignKey, index, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { inTenant, isTeamLead, policies } from './_rls.ts'
import { contacts } from './contacts.ts'
import { deals } from './deals.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

export const activityType = pgEnum('activity_type', ['call', 'email', 'meeting', 'note'])

export const activities = pgTable(
  'activities',
  {
    id: id(),
    tenantId: tenantId(),
    contactId: uuid('contact_id').notNull(),
    dealId: uuid('deal_id'),
    type: activityType('type').notNull(),
    subject: text('subject'),
    description: text('description'),
    occurredAt: timestamptz('occurred_at').notNull().defaultNow(),
    /** The user who took part (F10.2). */
    participantUserId: uuid('participant_user_id'),
    archivedAt: timestamptz('archived_at'),
    deletedAt: timestamptz('deleted_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('activities_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'activities_contact_fk',
      columns: [t.tenantId, t.contactId],
      foreignColumns: [contacts.tenantId, contacts.id],
    }),
    foreignKey({
      name: 'activities_deal_fk',
      columns: [t.tenantId, t.dealId],
      foreignColumns: [deals.tenantId, deals.id],
    }),
    foreignKey({
      name: 'activities_participant_fk',
      columns: [t.tenantId, t.participantUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    index('activities_tenant_id_contact_id_idx').on(
      t.tenantId,
      t.contactId,
      t.occurredAt.desc(),
      t.id.desc(),
    ),
    index('activities_tenant_id_deal_id_idx').on(t.tenantId, t.dealId, t.occurredAt.desc()),
    index('activities_tenant_id_created_at_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    // The tenant's latest activities (the dashboard), in the list's order.
    index('activities_tenant_id_occurred_at_idx').on(t.tenantId, t.occurredAt.desc(), t.id.desc()),
    ...policies({
      table: 'activities',
      noun: 'activities',
      who: 'those who see the contact or deal',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and (${isTeamLead}
        or exists (select 1 from contacts c
          where c.tenant_id = activities.tenant_id and c.id = activities.contact_id)
        or exists (select 1 from deals d
          where d.tenant_id = activities.tenant_id and d.id = activities.deal_id))`,
      why: 'Activities follow their contact or deal (EXISTS under those policies): reps see the timeline of their own records. UPDATE is limited to deleted_at/archived_at.',
    }),
  ],
)
