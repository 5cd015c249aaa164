// The indexes a page of the deal list is read on (ADR 0100): one per sort and per way of owning deals, so
// a page reads about as many deals as it shows whoever asks. Every order ends `desc nulls last` on the key
// and the id (drizzle-kit's `.desc()`), which the list's ORDER BY spells out; the list walks them backwards
// for ascending sorts.
//
// Three families, told apart by their predicates, one per branch of the list query (api lib/owned-page.ts):
//   - a lead's page of the tenant: live deals (`deleted_at is null`, also in the older list indexes);
//   - a rep's own: deals assigned to someone (`assigned_user_id is not null`, implied by `= the rep`), led
//     by tenant_id, assigned_user_id;
//   - what a rep handed over: created by them, assigned to someone else (few rows, one index per order).
// A rep's branch states "live" in a form no predicate can be proven from, so it can only be planned on its
// own family: a prepared statement's generic plan, which cannot tell indexes apart by selectivity (it
// estimates an average tenant and every candidate at one row), has no lead index to wander onto.
import { sql } from 'drizzle-orm'
import { type ExtraConfigColumn, index } from 'drizzle-orm/pg-core'

interface DealColumns {
  tenantId: ExtraConfigColumn
  processId: ExtraConfigColumn
  stageId: ExtraConfigColumn
  assignedUserId: ExtraConfigColumn
  createdBy: ExtraConfigColumn
  amount: ExtraConfigColumn
  updatedAt: ExtraConfigColumn
  createdAt: ExtraConfigColumn
  id: ExtraConfigColumn
}

/**
 * The close date as the list sorts it: a missing one counts as the earliest. `greatest` (not coalesce) so
 * that, under RLS, conditions on it are leakproof and can be index conditions (api deals/list-deals.ts).
 */
const closeKey = sql`(greatest(close_date, '-infinity'::date)) desc nulls last`
const live = sql`deleted_at is null`
const assigned = sql`assigned_user_id is not null`

export const dealPageIndexes = (t: DealColumns) => [
  // A lead's page by process, by close date, by amount (the default order and the board: deals.ts).
  index('deals_tenant_id_process_updated_idx')
    .on(t.tenantId, t.processId, t.updatedAt.desc(), t.id.desc())
    .where(live),
  index('deals_tenant_id_close_key_idx').on(t.tenantId, closeKey, t.id.desc()).where(live),
  index('deals_tenant_id_amount_idx').on(t.tenantId, t.amount.desc(), t.id.desc()).where(live),
  // A rep's own deals in each order, a process, a board column (also a lead's "assigned to" filter).
  index('deals_tenant_id_assigned_updated_idx')
    .on(t.tenantId, t.assignedUserId, t.updatedAt.desc(), t.id.desc())
    .where(assigned),
  index('deals_tenant_id_assigned_user_id_idx')
    .on(t.tenantId, t.assignedUserId, t.createdAt.desc(), t.id.desc())
    .where(assigned),
  index('deals_tenant_id_assigned_close_key_idx')
    .on(t.tenantId, t.assignedUserId, closeKey, t.id.desc())
    .where(assigned),
  index('deals_tenant_id_assigned_amount_idx')
    .on(t.tenantId, t.assignedUserId, t.amount.desc(), t.id.desc())
    .where(assigned),
  index('deals_tenant_id_assigned_process_idx')
    .on(t.tenantId, t.assignedUserId, t.processId, t.updatedAt.desc(), t.id.desc())
    .where(assigned),
  index('deals_tenant_id_assigned_stage_idx')
    .on(t.tenantId, t.assignedUserId, t.processId, t.stageId, t.updatedAt.desc(), t.id.desc())
    .where(assigned),
  // "My open deals by close date" (the dashboard): closed deals, all earlier, would be read first otherwise.
  // closed_at is null exactly for open deals (CHECK deals_closed_at_matches_status); unlike the status enum
  // it can be matched under RLS.
  index('deals_tenant_id_assigned_open_close_key_idx')
    .on(t.tenantId, t.assignedUserId, closeKey, t.id.desc())
    .where(sql`closed_at is null and assigned_user_id is not null`),
  // Handed over, in each order: small, and each gives its branch its order, so the planner never prefers
  // reading every deal the rep created through deals_tenant_id_created_by_idx.
  ...(
    [
      ['updated', t.updatedAt.desc()],
      ['created', t.createdAt.desc()],
      ['close_key', closeKey],
      ['amount', t.amount.desc()],
    ] as const
  ).map(([name, key]) =>
    index(`deals_tenant_id_handed_over_${name}_idx`)
      .on(t.tenantId, t.createdBy, key, t.id.desc())
      .where(sql`created_by is distinct from assigned_user_id`),
  ),
]
