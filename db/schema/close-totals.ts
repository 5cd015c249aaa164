// Deal close totals (issue 14, ADR 0170): per month of closing (in the workspace's time zone), process,
// outcome and owner, the count, exact amount and time to close of the live closed deals, kept by statement
// triggers on deals in the same transaction as every deal write (migration 0032), like the pipeline stage
// totals (ADR 0105). Manager insight reads months × owners rows instead of scanning a tenant's closed deals.
import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { currentUserId, inTenant, isTeamLead, policies } from './_rls.ts'
import { dealStatus } from './deals.ts'
import { salesProcesses } from './processes.ts'
import { tenantId } from './tenants.ts'

/**
 * One row per (process, month, won|lost, owner) — owner NULL: unowned. A counter, not a record: no audit
 * columns, and rows that fall to zero stay (like pipeline_stage_totals).
 */
export const dealCloseTotals = pgTable(
  'deal_close_totals',
  {
    tenantId: tenantId(),
    processId: uuid('process_id').notNull(),
    /** First day of the month the deal closed in, in the workspace's time zone. */
    month: date('month').notNull(),
    status: dealStatus('status').notNull(),
    userId: uuid('user_id'),
    dealCount: integer('deal_count').notNull().default(0),
    /** Σ final amount (the amount frozen at closing, F11.9), exact. */
    amountTotal: numeric('amount_total', { precision: 20, scale: 2 }).notNull().default('0'),
    /** Σ seconds from creation to closing: the average time to close is this over the count. */
    closeSeconds: bigint('close_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('deal_close_totals_key')
      .on(t.tenantId, t.processId, t.month, t.status, t.userId)
      .nullsNotDistinct(),
    // The key serves one process's months; these serve all processes' months, and one owner's.
    index('deal_close_totals_month_idx').on(t.tenantId, t.month),
    index('deal_close_totals_owner_month_idx').on(t.tenantId, t.userId, t.month),
    check('deal_close_totals_closed_only', sql`${t.status} <> 'open'`),
    foreignKey({
      name: 'deal_close_totals_process_fk',
      columns: [t.tenantId, t.processId],
      foreignColumns: [salesProcesses.tenantId, salesProcesses.id],
    }).onDelete('cascade'),
    ...policies({
      table: 'deal_close_totals',
      noun: 'deal close totals',
      who: 'tenant leads or their owner',
      commands: ['select'],
      condition: sql`${inTenant} and (${isTeamLead} or user_id = ${currentUserId})`,
      why: 'Insight per owner: admins and managers read every owner row of the tenant, a rep only the rows of deals assigned to them (their own results). Written only by the deals triggers (crm_summary).',
    }),
  ],
)
