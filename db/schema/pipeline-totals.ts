// Pipeline stage totals (issue 10, ADR 0105): the pipeline summary's per-stage count and sums, kept by
// statement triggers on deals in the same transaction as every deal write, so a summary reads
// O(stages × users) rows instead of aggregating a process's deals. crm_app only reads it; the triggers
// write it as crm_summary (migration 0013).
import { sql } from 'drizzle-orm'
import { boolean, foreignKey, integer, numeric, pgTable, unique, uuid } from 'drizzle-orm/pg-core'
import { currentUserId, inTenant, isTeamLead, policies } from './_rls.ts'
import { dealStatus } from './deals.ts'
import { processStages } from './processes.ts'
import { tenantId } from './tenants.ts'

/**
 * One row per (process, stage, deal status, user, by_creator) holding the live deals that key counts:
 * - by_creator false: deals assigned to user_id (NULL: unowned). Every live deal is in exactly one such
 *   row, so a tenant lead's summary is the sum of these rows.
 * - by_creator true: deals created by user_id but assigned to someone else (or no one). A rep sees deals
 *   assigned to or created by them (the deals policy), so a rep's summary is the sum of their two kinds.
 * A counter, not a record: no audit columns (like rate_limit_counters), and rows that fall to zero stay.
 */
export const pipelineStageTotals = pgTable(
  'pipeline_stage_totals',
  {
    tenantId: tenantId(),
    processId: uuid('process_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    status: dealStatus('status').notNull(),
    byCreator: boolean('by_creator').notNull(),
    userId: uuid('user_id'),
    dealCount: integer('deal_count').notNull().default(0),
    /** Σ amount of the live deals counted here, exact. */
    amountTotal: numeric('amount_total', { precision: 20, scale: 2 }).notNull().default('0'),
    /** Σ amount × probability (percent points, not yet divided by 100), exact. */
    weightedTotal: numeric('weighted_total', { precision: 22, scale: 2 }).notNull().default('0'),
  },
  (t) => [
    // The key the triggers upsert on; NULL (unowned) is one user like any other.
    unique('pipeline_stage_totals_key')
      .on(t.tenantId, t.processId, t.stageId, t.status, t.byCreator, t.userId)
      .nullsNotDistinct(),
    // Deleting a (necessarily empty) stage or process takes its zero rows with it.
    foreignKey({
      name: 'pipeline_stage_totals_stage_fk',
      columns: [t.tenantId, t.processId, t.stageId],
      foreignColumns: [processStages.tenantId, processStages.processId, processStages.id],
    }).onDelete('cascade'),
    ...policies({
      table: 'pipeline_stage_totals',
      noun: 'pipeline stage totals',
      who: 'tenant leads or their user',
      commands: ['select'],
      condition: sql`${inTenant} and ((${isTeamLead} and not by_creator) or (not (${isTeamLead}) and user_id = ${currentUserId}))`,
      why: 'Mirrors the deals policy, so summing the visible rows gives exactly the deals the caller sees: admins and managers read the by-owner rows of the whole tenant, anyone else (reps) only the rows counting deals assigned to or created by them. Written only by the deals triggers (crm_summary).',
    }),
  ],
)
