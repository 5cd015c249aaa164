// F11 pipeline summary (open question 4: per process): per stage in board order, the count, total and
// probability-weighted value of the live deals in it, plus the process's open-pipeline totals. One query,
// exact numeric: weighted = round(sum(amount × probability) / 100, 2), so 1/4 of 99.99 is not lost to floats.
// Deals are those the caller sees (RLS): a rep's summary is their own pipeline.
import { schema, type Tx } from '@aura/db'
import { sql } from 'drizzle-orm'
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

export async function summarizePipeline(tx: Tx, processId: string | undefined) {
  const process = await resolveProcessForSummary(tx, processId)
  const s = schema.processStages
  const d = schema.deals
  // Deals are aggregated per stage first (a hash aggregate over the process's deals), then joined to the
  // few stages: no sort of every deal row. The window sums give the open-pipeline totals in the same query.
  const result = (await tx.execute(sql`
    with agg as (
      select d.stage_id, count(*) as n, sum(d.amount) as total, sum(d.amount * d.probability) as w,
        count(*) filter (where d.status = 'open') as open_n,
        sum(d.amount) filter (where d.status = 'open') as open_total,
        sum(d.amount * d.probability) filter (where d.status = 'open') as open_w
      from ${d} d
      where d.process_id = ${process.id} and d.deleted_at is null
      group by d.stage_id)
    select s.id, s.name, s.kind, s.position, s.win_probability,
      coalesce(a.n, 0)::int as count,
      coalesce(a.total, 0)::numeric(20, 2)::text as total,
      round(coalesce(a.w, 0) / 100, 2)::numeric(20, 2)::text as weighted,
      coalesce(sum(a.open_n) over (), 0)::int as open_count,
      coalesce(sum(a.open_total) over (), 0)::numeric(20, 2)::text as open_total,
      round(coalesce(sum(a.open_w) over (), 0) / 100, 2)::numeric(20, 2)::text as open_weighted
    from ${s} s
    left join agg a on a.stage_id = s.id
    where s.process_id = ${process.id}
    order by s.position, s.id`)) as unknown as { rows: StageRow[] }
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

/** Archived processes may still be summarised (their deals are kept); unknown ids are a 404. */
async function resolveProcessForSummary(tx: Tx, processId: string | undefined) {
  return processId ? getProcess(tx, processId) : resolveProcess(tx, undefined)
}
