// Shared by the pipeline-totals suites (not a test file itself): the summary computed from scratch, the way
// the API did before the totals table (one aggregate over the process's live deals, as the member, under
// RLS), to compare GET /pipeline-summary with after every kind of deal write.
import { type Db, type TenantContext, withTenant } from '@aura/db'
import { pipelineTotalsMismatches } from '@aura/db/seed/generate/index'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { ZPipelineSummary } from '../src/routes/pipeline-summary/pipeline-summary.routes.ts'
import { call, type Member, type Workspace } from './fixtures.ts'

interface FreshRow {
  stage_id: string
  count: number
  total: string
  weighted: string
  open_count: number
  open_total: string
  open_weighted: string
}

/** The summary numbers of a process as the bound member sees them, aggregated from the deals themselves. */
export async function freshSummary(db: Db, ctx: TenantContext, processId: string) {
  const rows = await withTenant(db, ctx, async (tx) => {
    const result = (await tx.execute(sql`
      with agg as (
        select d.stage_id, count(*) as n, sum(d.amount) as total, sum(d.amount * d.probability) as w,
          count(*) filter (where d.status = 'open') as open_n,
          sum(d.amount) filter (where d.status = 'open') as open_total,
          sum(d.amount * d.probability) filter (where d.status = 'open') as open_w
        from deals d where d.process_id = ${processId} and d.deleted_at is null group by d.stage_id)
      select s.id as stage_id, coalesce(a.n, 0)::int as count,
        coalesce(a.total, 0)::numeric(20, 2)::text as total,
        round(coalesce(a.w, 0) / 100, 2)::numeric(20, 2)::text as weighted,
        coalesce(sum(a.open_n) over (), 0)::int as open_count,
        coalesce(sum(a.open_total) over (), 0)::numeric(20, 2)::text as open_total,
        round(coalesce(sum(a.open_w) over (), 0) / 100, 2)::numeric(20, 2)::text as open_weighted
      from process_stages s left join agg a on a.stage_id = s.id
      where s.process_id = ${processId} order by s.position, s.id`)) as unknown as { rows: FreshRow[] }
    return result.rows
  })
  return {
    stages: rows.map((r) => ({
      stageId: r.stage_id,
      count: r.count,
      totalAmount: r.total,
      weightedAmount: r.weighted,
    })),
    totals: {
      openCount: rows[0]?.open_count ?? 0,
      openAmount: rows[0]?.open_total ?? '0.00',
      openWeightedAmount: rows[0]?.open_weighted ?? '0.00',
    },
  }
}

/** What GET /pipeline-summary answers `who`, reduced to the numbers freshSummary computes. */
export async function apiSummary(ws: Workspace, who: Member, processId: string) {
  const { status, body } = await call(
    ws,
    who,
    `/pipeline-summary?processId=${processId}`,
    {},
    ZPipelineSummary,
  )
  expect(status).toBe(200)
  return {
    stages: body.stages.map((s) => ({
      stageId: s.stageId,
      count: s.count,
      totalAmount: s.totalAmount,
      weightedAmount: s.weightedAmount,
    })),
    totals: body.totals,
  }
}

/**
 * For every member and process: the API's summary equals the from-scratch aggregate, and the totals table
 * passes the generator's own check (verifyTenant: both views, every user, not only the members asked).
 */
export async function expectSummariesExact(db: Db, ws: Workspace, members: Member[], processIds: string[]) {
  for (const processId of processIds)
    for (const who of members)
      expect(await apiSummary(ws, who, processId), `${who.role} ${who.email}`).toEqual(
        await freshSummary(db, { tenantId: ws.tenant.id, userId: who.id, role: who.role }, processId),
      )
  expect(await pipelineTotalsMismatches(db, ws.tenant.id)).toBe(0)
}
