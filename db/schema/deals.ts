// Deals (F8, F11): one process each, a stage of that process (by key), owner, money, soft delete.
import { sql } from 'drizzle-orm'
import {
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { auditColumns, currentUserDefault, id, money, timestamptz } from './_columns.ts'
import { inTenant, isTeamLead, ownsRecord, policies } from './_rls.ts'
import { contacts } from './contacts.ts'
import { dealPageIndexes } from './deals-page-indexes.ts'
import { lostReasons } from './lost-reasons.ts'
import { organizations } from './organizations.ts'
import { processStages, salesProcesses } from './processes.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

export const dealStatus = pgEnum('deal_status', ['open', 'won', 'lost'])

export const deals = pgTable(
  'deals',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** Entered by hand without line items; follows line_items_total when live lines exist (trigger). */
    amount: money('amount').notNull().default('0'),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    processId: uuid('process_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    closeDate: date('close_date', { mode: 'string' }),
    probability: integer('probability').notNull().default(0),
    contactId: uuid('contact_id'),
    organizationId: uuid('organization_id'),
    assignedUserId: uuid('assigned_user_id'),
    notes: text('notes'),
    status: dealStatus('status').notNull().default('open'),
    /** Frozen on close (F11.9): the stage may be renamed later, the closed deal keeps these. */
    closedAt: timestamptz('closed_at'),
    closedStageName: text('closed_stage_name'),
    closedProbability: integer('closed_probability'),
    finalAmount: money('final_amount'),
    /** Why a lost deal was lost (issue 13): one of its process's reasons; cleared when it leaves lost. */
    lostReasonId: uuid('lost_reason_id'),
    /** Sum of live line items' extended_price, kept by the database (F13.10). */
    lineItemsTotal: money('line_items_total').notNull().default('0'),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    deletedAt: timestamptz('deleted_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('deals_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'deals_process_fk',
      columns: [t.tenantId, t.processId],
      foreignColumns: [salesProcesses.tenantId, salesProcesses.id],
    }),
    // The stage must belong to the deal's process: enforced by the key, not by code.
    foreignKey({
      name: 'deals_stage_in_process_fk',
      columns: [t.tenantId, t.processId, t.stageId],
      foreignColumns: [processStages.tenantId, processStages.processId, processStages.id],
    }),
    foreignKey({
      name: 'deals_lost_reason_in_process_fk',
      columns: [t.tenantId, t.processId, t.lostReasonId],
      foreignColumns: [lostReasons.tenantId, lostReasons.processId, lostReasons.id],
    }),
    check('deals_lost_reason_only_when_lost', sql`lost_reason_id is null or status = 'lost'`),
    foreignKey({
      name: 'deals_contact_fk',
      columns: [t.tenantId, t.contactId],
      foreignColumns: [contacts.tenantId, contacts.id],
    }),
    foreignKey({
      name: 'deals_organization_fk',
      columns: [t.tenantId, t.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }),
    foreignKey({
      name: 'deals_assigned_user_fk',
      columns: [t.tenantId, t.assignedUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    check('deals_probability_range', sql`probability between 0 and 100`),
    check('deals_closed_probability_range', sql`closed_probability between 0 and 100`),
    check('deals_amount_non_negative', sql`amount >= 0`),
    check('deals_closed_at_matches_status', sql`(status = 'open') = (closed_at is null)`),
    check('deals_currency_iso', sql`currency ~ '^[A-Z]{3}$'`),
    check('deals_custom_fields_object', sql`jsonb_typeof(custom_fields) = 'object'`),
    // Keyset pagination (created_at desc, id desc) and the F8.3 filters, each led by tenant_id. The list's
    // indexes hold live deals only (as db/schema/deals-page-indexes.ts explains).
    index('deals_tenant_id_created_at_idx')
      .on(t.tenantId, t.createdAt.desc(), t.id.desc())
      .where(sql`deleted_at is null`),
    // The list's default sort (updated_at desc, id desc) and the board's per-stage page in that order.
    index('deals_tenant_id_updated_at_idx')
      .on(t.tenantId, t.updatedAt.desc(), t.id.desc())
      .where(sql`deleted_at is null`),
    index('deals_tenant_id_process_stage_updated_idx')
      .on(t.tenantId, t.processId, t.stageId, t.updatedAt.desc(), t.id.desc())
      .where(sql`deleted_at is null`),
    // Pipeline summary (ADR 0051): an index-only scan of a process's live deals. The policy's ownership
    // columns are in it too, or the RLS filter would send every row back to the heap.
    index('deals_tenant_id_process_summary_idx')
      .on(
        t.tenantId,
        t.processId,
        t.stageId,
        t.status,
        t.amount,
        t.probability,
        t.assignedUserId,
        t.createdBy,
      )
      .where(sql`deleted_at is null`),
    // Other sorts, a process, a rep's own deals: db/schema/deals-page-indexes.ts (ADR 0100).
    ...dealPageIndexes(t),
    index('deals_tenant_id_created_by_idx').on(t.tenantId, t.createdBy),
    index('deals_tenant_id_probability_idx').on(t.tenantId, t.probability),
    index('deals_tenant_id_organization_id_idx').on(t.tenantId, t.organizationId),
    index('deals_tenant_id_contact_id_idx').on(t.tenantId, t.contactId),
    // Name search (search_deal_ids, ADRs 0080/0100); the owner columns let a rep's search read only their
    // own matches.
    index('deals_name_trgm_idx').using(
      'gin',
      t.tenantId,
      t.assignedUserId,
      t.createdBy,
      t.name.op('gin_trgm_ops'),
    ),
    ...policies({
      table: 'deals',
      noun: 'deals',
      who: 'their owner and tenant leads',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and (${isTeamLead} or ${ownsRecord})`,
      why: 'Admins and managers see every deal of the tenant (F9.3); anyone else (reps) only deals assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.',
    }),
  ],
)

/** One row per stage (or process) change (F8.8, F11.6): names are copied so renames never rewrite history. */
export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    id: id(),
    tenantId: tenantId(),
    dealId: uuid('deal_id').notNull(),
    fromProcessId: uuid('from_process_id'),
    toProcessId: uuid('to_process_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    fromStageName: text('from_stage_name'),
    toStageName: text('to_stage_name').notNull(),
    amount: money('amount').notNull(),
    probability: integer('probability').notNull(),
    changedBy: uuid('changed_by').default(currentUserDefault),
    /**
     * The moment of the change (clock_timestamp(), not the transaction's start: two moves of one deal
     * serialise on its row lock, and the later one may belong to the transaction that began first).
     */
    changedAt: timestamptz('changed_at').notNull().default(sql`clock_timestamp()`),
    ...auditColumns(),
  },
  (t) => [
    unique('deal_stage_history_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'deal_stage_history_deal_fk',
      columns: [t.tenantId, t.dealId],
      foreignColumns: [deals.tenantId, deals.id],
    }).onDelete('cascade'),
    index('deal_stage_history_tenant_id_deal_id_idx').on(t.tenantId, t.dealId, t.changedAt.desc()),
    ...policies({
      table: 'deal_stage_history',
      noun: 'deal stage changes',
      who: 'those who see the deal',
      commands: ['select', 'insert'],
      condition: sql`${inTenant} and exists (select 1 from deals d
        where d.tenant_id = deal_stage_history.tenant_id and d.id = deal_stage_history.deal_id)`,
      why: 'History follows its deal: the EXISTS runs under the deals policies, so reps see only their deals’ history. Append-only: no UPDATE/DELETE grant.',
    }),
  ],
)
