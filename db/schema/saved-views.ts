// Saved views (issue 13): a user's named filter sets for a list ("My Q4 renewals"). Private to their
// owner: a view names filters, not records, so sharing one would tell nothing the list does not, but
// nobody else's names clutter a rep's list. The filters are stored as the API's list query (jsonb),
// validated on write by the list's own schema, so a view always opens as the list would with them.
import { sql } from 'drizzle-orm'
import { check, foreignKey, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id } from './_columns.ts'
import { currentUserId, inTenant, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

/** The lists a view can be saved for; deals only for now (the list users open first). */
export const SAVED_VIEW_LISTS = ['deals'] as const

export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    list: text('list', { enum: SAVED_VIEW_LISTS }).notNull(),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<Record<string, string | number>>().notNull(),
    ...auditColumns(),
  },
  (t) => [
    unique('saved_views_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'saved_views_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    // One name once per user and list; also the index the list of a user's views reads, in name order.
    uniqueIndex('saved_views_user_list_name_key').on(t.tenantId, t.userId, t.list, sql`lower(${t.name})`),
    check('saved_views_list_known', sql`${t.list} in ('deals')`),
    check('saved_views_filters_object', sql`jsonb_typeof(${t.filters}) = 'object'`),
    ...policies({
      table: 'saved_views',
      noun: 'saved views',
      who: 'their owner',
      commands: ['select', 'insert', 'update', 'delete'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why: 'A saved view is a personal preference: only the user who saved it reads, renames or deletes it.',
    }),
  ],
)
