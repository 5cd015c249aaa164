// Merges (issue 15, ADR 0172): two contacts or two organizations made one. The survivor keeps its id and
// takes the chosen values of the other; the other is soft-deleted; the rows that pointed at the other now
// point at the survivor. This row keeps what an undo needs within its window (30 days): the survivor's
// values before, and exactly which rows were moved. The ids are not foreign keys: a merge names a contact or
// an organization (entity), and the rows it moved are deals, activities, tasks, contacts or organizations.
import { sql } from 'drizzle-orm'
import { check, foreignKey, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, isTeamLead, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

export const MERGE_ENTITIES = ['contact', 'organization'] as const
export type MergeEntity = (typeof MERGE_ENTITIES)[number]

/** Row ids moved from the other record to the survivor, per table. */
export type MovedRows = Partial<
  Record<'deals' | 'activities' | 'tasks' | 'contacts' | 'organizations', string[]>
>

export const merges = pgTable(
  'merges',
  {
    id: id(),
    tenantId: tenantId(),
    entity: text('entity', { enum: MERGE_ENTITIES }).notNull(),
    survivorId: uuid('survivor_id').notNull(),
    otherId: uuid('other_id').notNull(),
    /** The survivor's values of the fields the merge changed, as they were (camelCase keys). */
    survivorBefore: jsonb('survivor_before').$type<Record<string, unknown>>().notNull(),
    /** What the merge set them to. */
    survivorAfter: jsonb('survivor_after').$type<Record<string, unknown>>().notNull(),
    moved: jsonb('moved').$type<MovedRows>().notNull().default({}),
    undoneAt: timestamptz('undone_at'),
    undoneBy: uuid('undone_by'),
    ...auditColumns(),
  },
  (t) => [
    unique('merges_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'merges_undone_by_fk',
      columns: [t.tenantId, t.undoneBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    check('merges_entity_known', sql`${t.entity} in ('contact', 'organization')`),
    check('merges_two_records', sql`${t.survivorId} <> ${t.otherId}`),
    check('merges_undo_pair', sql`(${t.undoneAt} is null) = (${t.undoneBy} is null)`),
    // The guards on activities and tasks look a move up by (other, survivor): migration 0034.
    index('merges_tenant_id_other_id_idx').on(t.tenantId, t.otherId, t.survivorId),
    ...policies({
      table: 'merges',
      noun: 'merges',
      who: 'their author and tenant leads',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and (${isTeamLead} or created_by = ${currentUserId})`,
      why: 'A merge is undone by whoever made it or by an admin or manager; the records themselves are still read and changed under their own policies. Never deleted.',
    }),
  ],
)
