// F11 pipeline summary (open question 4: per process): per stage in board order, the count, total and
// probability-weighted value of the live deals in it, plus the process's open-pipeline totals.
// It reads pipeline_stage_totals (ADR 0105), which triggers on deals keep in the same transaction as every
// deal write: O(stages × users) rows whatever the number of deals, never a scan of the process's deals.
// Exact numeric: weighted = round(Σ amount × probability / 100, 2), so 1/4 of 99.99 is not lost to floats.
// Deals are those the caller sees: the totals' policy mirrors the deals policy (a rep's summary is their
// own pipeline, admins' and managers' the team's, unowned deals included), so the query sums what is visible.
import { type Role, schema, type Tx } from '@aura/db'
import { type SQL, sql } from 'drizzle-orm'
import { getProcess } from '../processes/process-view.ts'
import { resolveProcess } from './resolve-deal-stage.ts'

interface StageRow {
  id: string
  name: string
  kind: 'open' | 'won' | 'lost'
  position: number
  win_probability: number
  count: number
  total: string
  weighted: string
  open_count: number
  open_total: string
  open_weighted: string
}

/** Who asks: only narrows the rows read to the ones the policy shows anyway (RLS still decides). */
export interface SummaryViewer {
  userId: string
  role: Role
}

export async function summarizePipeline(tx: Tx, processId: string | undefined, viewer?: SummaryViewer) {
  const process = await resolveProcessForSummary(tx, processId)
  const s = schema.processStages
  const t = schema.pipelineStageTotals
  // Stages first, each joined to its few totals rows through the totals' key (tenant, process, stage, …);
  // the window sums give the open-pipeline totals in the same query.
  const result = (await tx.execute(sql`
    with per_stage as (
      select s.id, s.name, s.kind, s.position, s.win_probability,
        coalesce(sum(t.deal_count), 0) as n,
        coalesce(sum(t.amount_total), 0) as total,
        coalesce(sum(t.weighted_total), 0) as w,
        coalesce(sum(t.deal_count) filter (where t.status = 'open'), 0) as open_n,
        coalesce(sum(t.amount_total) filter (where t.status = 'open'), 0) as open_total,
        coalesce(sum(t.weighted_total) filter (where t.status = 'open'), 0) as open_w
      from ${s} s
      left join ${t} t on t.tenant_id = s.tenant_id and t.process_id = s.process_id and t.stage_id = s.id
        ${visibleRows(viewer)}
      where s.process_id = ${process.id}
      group by s.id, s.name, s.kind, s.position, s.win_probability)
    select id, name, kind, position, win_probability,
      n::int as count,
      total::numeric(20, 2)::text as total,
      round(w / 100, 2)::numeric(20, 2)::text as weighted,
      (sum(open_n) over ())::int as open_count,
      (sum(open_total) over ())::numeric(20, 2)::text as open_total,
      round(sum(open_w) over () / 100, 2)::numeric(20, 2)::text as open_weighted
    from per_stage
    order by position, id`)) as unknown as { rows: StageRow[] }
  const rows = result.rows
  const first = rows[0]
  return {
    processId: process.id,
    processName: process.name,
    stages: rows.map((r) => ({
      stageId: r.id,
      name: r.name,
      kind: r.kind,
      position: r.position,
      winProbability: r.win_probability,
      count: r.count,
      totalAmount: r.total,
      weightedAmount: r.weighted,
    })),
    totals: {
      openCount: first?.open_count ?? 0,
      openAmount: first?.open_total ?? '0.00',
      openWeightedAmount: first?.open_weighted ?? '0.00',
    },
  }
}

/**
 * The policy's own split, repeated as index conditions so the scan reads only what it may sum: a lead the
 * by-owner rows (stages × users), anyone else their own rows (about one per stage).
 */
function visibleRows(viewer: SummaryViewer | undefined): SQL {
  if (!viewer) return sql``
  const lead = viewer.role === 'admin' || viewer.role === 'manager'
  return lead ? sql`and t.by_creator = false` : sql`and t.user_id = ${viewer.userId}`
}

/** Archived processes may still be summarised (their deals are kept); unknown ids are a 404. */
async function resolveProcessForSummary(tx: Tx, processId: string | undefined) {
  return processId ? getProcess(tx, processId) : resolveProcess(tx, undefined)
}
