// F11 pipeline summary (open question 4: per process): per stage in board order, the count, total and
// probability-weighted value of the live deals in it, plus the process's open-pipeline totals.
// It reads pipeline_stage_totals (ADR 0105), which triggers on deals keep in the same transaction as every
// deal write: O(stages × users) rows whatever the number of deals, never a scan of the process's deals.
// Exact numeric: weighted = round(Σ amount × probability / 100, 2), so 1/4 of 99.99 is not lost to floats.
// Deals are those the caller sees: the totals' policy mirrors the deals policy (a rep's summary is their
// own pipeline, admins' and managers' the team's, unowned deals included), so the query sums what is visible.
import { type Role, schema, type Tx } from '@aura/db'
import { type SQL, sql } from 'drizzle-orm'
import { AppError, notFound } from '../../lib/problem.ts'

/** Who asks: only narrows the rows read to the ones the policy shows anyway (RLS still decides). */
export interface SummaryViewer {
  userId: string
  role: Role
}

interface SummaryRow {
  process_id: string
  process_name: string
  id: string | null
  name: string | null
  kind: 'open' | 'won' | 'lost' | null
  position: number | null
  win_probability: number | null
  count: number
  total: string
  weighted: string
  open_count: number
  open_total: string
  open_weighted: string
}

/**
 * One statement: the process (by id, archived ones included, or the live default), its stages in board
 * order, each joined to its few totals rows through the totals' key, and the open-pipeline totals as window
 * sums. An unknown process is a 404 (the default missing, a 422 naming processId, as on deal creation).
 */
export async function summarizePipeline(tx: Tx, processId: string | undefined, viewer?: SummaryViewer) {
  const p = schema.salesProcesses
  const s = schema.processStages
  const t = schema.pipelineStageTotals
  const which = processId ? sql`p.id = ${processId}` : sql`p.is_default and p.archived_at is null`
  const result = (await tx.execute(sql`
    with process as (select p.id, p.name from ${p} p where ${which} limit 1),
    per_stage as (
      select s.id, s.name, s.kind, s.position, s.win_probability,
        coalesce(sum(t.deal_count), 0) as n,
        coalesce(sum(t.amount_total), 0) as total,
        coalesce(sum(t.weighted_total), 0) as w,
        coalesce(sum(t.deal_count) filter (where t.status = 'open'), 0) as open_n,
        coalesce(sum(t.amount_total) filter (where t.status = 'open'), 0) as open_total,
        coalesce(sum(t.weighted_total) filter (where t.status = 'open'), 0) as open_w
      from process
      join ${s} s on s.process_id = process.id
      left join ${t} t on t.tenant_id = s.tenant_id and t.process_id = s.process_id and t.stage_id = s.id
        ${visibleRows(viewer)}
      group by s.id, s.name, s.kind, s.position, s.win_probability)
    select process.id as process_id, process.name as process_name,
      st.id, st.name, st.kind, st.position, st.win_probability,
      coalesce(st.n, 0)::int as count,
      coalesce(st.total, 0)::numeric(20, 2)::text as total,
      round(coalesce(st.w, 0) / 100, 2)::numeric(20, 2)::text as weighted,
      coalesce(sum(st.open_n) over (), 0)::int as open_count,
      coalesce(sum(st.open_total) over (), 0)::numeric(20, 2)::text as open_total,
      round(coalesce(sum(st.open_w) over (), 0) / 100, 2)::numeric(20, 2)::text as open_weighted
    from process left join per_stage st on true
    order by st.position, st.id`)) as unknown as { rows: SummaryRow[] }
  const rows = result.rows
  const first = rows[0]
  if (!first) {
    if (processId) throw notFound('Process')
    throw new AppError('unprocessable', 'There is no default process', {
      errors: [{ field: 'processId', message: 'There is no default process' }],
    })
  }
  return {
    processId: first.process_id,
    processName: first.process_name,
    stages: rows.flatMap((r) =>
      r.id === null
        ? []
        : [
            {
              stageId: r.id,
              name: r.name ?? '',
              kind: r.kind ?? 'open',
              position: r.position ?? 0,
              winProbability: r.win_probability ?? 0,
              count: r.count,
              totalAmount: r.total,
              weightedAmount: r.weighted,
            },
          ],
    ),
    totals: {
      openCount: first.open_count,
      openAmount: first.open_total,
      openWeightedAmount: first.open_weighted,
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
