// Manager insight (issue 14, ADR 0170): open pipeline, won and lost in the period, win rate, time to close,
// a stage funnel and a 12-month trend — per process or all, per owner and for the team. Every figure is
// summed from the totals the deal triggers keep (pipeline_stage_totals, deal_close_totals): a few hundred
// rows whatever the number of deals, never a scan of them. Money stays numeric in SQL and leaves as decimal
// strings. What a caller may sum is the totals' policy: a lead the whole tenant by owner, a rep their own.
import { type Role, schema, type Tx } from '@aura/db'
import { eq, type SQL, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import type { TInsightQuery } from './insight.inputs.ts'
import type { Insight } from './insight.outputs.ts'

interface Scope {
  tenantId: string
  processId: string | undefined
  /** Narrow to one owner (a rep: always themself). */
  ownerId: string | undefined
}

const u = schema.users
const isLead = (role: Role) => role === 'admin' || role === 'manager'

export async function getInsight(tx: Tx, actor: Actor, query: TInsightQuery): Promise<Insight> {
  if (query.ownerId && query.ownerId !== actor.userId) {
    // A rep never reads a colleague's figures; a lead names a member of this workspace (another's is as
    // unknown as a made-up id: the users policy hides it).
    if (!isLead(actor.role)) throw notFound('Member')
    const [member] = await tx.select({ id: u.id }).from(u).where(eq(u.id, query.ownerId))
    if (!member) throw notFound('Member')
  }
  const scope: Scope = {
    tenantId: actor.tenantId,
    processId: query.processId,
    ownerId: isLead(actor.role) ? query.ownerId : actor.userId,
  }
  const calendar = await periodOf(tx, actor.tenantId, query.period)
  const stages = scope.processId ? await funnel(tx, scope) : []
  // Grouping sets always give the team's row, sorted first; the owners follow.
  const [team, ...owners] = await figuresByOwner(tx, scope, calendar.from, calendar.thisMonth)
  if (!team?.team) throw new Error('insight: the team row is missing')
  return {
    currency: calendar.currency,
    processId: scope.processId ?? null,
    ownerId: scope.ownerId ?? null,
    period: { kind: query.period, from: calendar.from, to: calendar.to },
    totals: withoutKeys(team),
    owners: owners.map((f) => ({ userId: f.user_id, name: f.name, ...withoutKeys(f) })),
    stages,
    trend: await trend(tx, scope, calendar.thisMonth),
  }
}

interface Calendar {
  currency: string
  /** First day of the period and its last day, in the workspace's zone. */
  from: string
  to: string
  thisMonth: string
}

const LENGTH = { month: '1 month', quarter: '3 months', year: '1 year' } as const

async function periodOf(tx: Tx, tenantId: string, period: TInsightQuery['period']): Promise<Calendar> {
  const unit = sql.raw(`'${period}'`)
  const { rows } = (await tx.execute(sql`
    select t.currency,
      date_trunc(${unit}, now() at time zone t.timezone)::date::text as "from",
      (date_trunc(${unit}, now() at time zone t.timezone) + ${sql.raw(`interval '${LENGTH[period]}'`)}
        - interval '1 day')::date::text as "to",
      date_trunc('month', now() at time zone t.timezone)::date::text as "thisMonth"
    from tenants t where t.id = ${tenantId}`)) as unknown as { rows: Calendar[] }
  const row = rows[0]
  if (!row) throw notFound('Workspace')
  return row
}

function where(scope: Scope, alias: string): SQL {
  const a = sql.raw(alias)
  return sql.join(
    [
      sql`${a}.tenant_id = ${scope.tenantId}`,
      scope.processId ? sql`${a}.process_id = ${scope.processId}` : undefined,
      scope.ownerId ? sql`${a}.user_id = ${scope.ownerId}` : undefined,
    ].filter((s): s is SQL => s !== undefined),
    sql` and `,
  )
}

interface FigureRow {
  team: boolean
  user_id: string | null
  name: string | null
  openCount: number
  openAmount: string
  openWeightedAmount: string
  wonCount: number
  wonAmount: string
  lostCount: number
  lostAmount: string
  winRate: string | null
  averageDaysToClose: string | null
}
type Figures = Insight['totals']

function withoutKeys(r: FigureRow): Figures {
  return {
    openCount: r.openCount,
    openAmount: r.openAmount,
    openWeightedAmount: r.openWeightedAmount,
    wonCount: r.wonCount,
    wonAmount: r.wonAmount,
    lostCount: r.lostCount,
    lostAmount: r.lostAmount,
    winRate: r.winRate === null ? null : Number(r.winRate),
    averageDaysToClose: r.averageDaysToClose === null ? null : Number(r.averageDaysToClose),
  }
}

/**
 * Open deals by owner (the by-owner rows of the stage totals) beside the period's closed ones (the close
 * totals' months), grouped per owner and, by grouping sets, for everyone in scope at once.
 */
async function figuresByOwner(tx: Tx, scope: Scope, from: string, thisMonth: string) {
  const { rows } = (await tx.execute(sql`
    with parts as (
      select t.user_id, t.deal_count as open_n, t.amount_total as open_amount, t.weighted_total as open_w,
        0 as won_n, 0::numeric as won_amount, 0::bigint as won_seconds, 0 as lost_n, 0::numeric as lost_amount
      from pipeline_stage_totals t
      where ${where(scope, 't')} and t.status = 'open' and not t.by_creator
      union all
      select c.user_id, 0, 0, 0,
        case when c.status = 'won' then c.deal_count else 0 end,
        case when c.status = 'won' then c.amount_total else 0 end,
        case when c.status = 'won' then c.close_seconds else 0 end,
        case when c.status = 'lost' then c.deal_count else 0 end,
        case when c.status = 'lost' then c.amount_total else 0 end
      from deal_close_totals c
      where ${where(scope, 'c')} and c.month between ${from}::date and ${thisMonth}::date),
    sums as (
      select grouping(user_id) = 1 as team, user_id,
        coalesce(sum(open_n), 0)::int as open_n, coalesce(sum(open_amount), 0) as open_amount,
        coalesce(sum(open_w), 0) as open_w, coalesce(sum(won_n), 0)::int as won_n,
        coalesce(sum(won_amount), 0) as won_amount, coalesce(sum(won_seconds), 0) as won_seconds,
        coalesce(sum(lost_n), 0)::int as lost_n, coalesce(sum(lost_amount), 0) as lost_amount
      from parts group by grouping sets ((user_id), ()))
    select s.team, s.user_id, u.name,
      s.open_n as "openCount", s.open_amount::numeric(20, 2)::text as "openAmount",
      round(s.open_w / 100, 2)::numeric(20, 2)::text as "openWeightedAmount",
      s.won_n as "wonCount", s.won_amount::numeric(20, 2)::text as "wonAmount",
      s.lost_n as "lostCount", s.lost_amount::numeric(20, 2)::text as "lostAmount",
      round(100.0 * s.won_n / nullif(s.won_n + s.lost_n, 0), 1)::text as "winRate",
      round(s.won_seconds / 86400.0 / nullif(s.won_n, 0), 1)::text as "averageDaysToClose"
    from sums s left join users u on u.id = s.user_id and not s.team
    where s.team or s.open_n > 0 or s.won_n > 0 or s.lost_n > 0
    order by s.team desc, s.open_amount desc, s.won_amount desc, u.name nulls last, s.user_id`)) as unknown as {
    rows: FigureRow[]
  }
  return rows
}

/** Won deals per month of the last twelve, zero months included. */
async function trend(tx: Tx, scope: Scope, thisMonth: string) {
  const { rows } = (await tx.execute(sql`
    select to_char(m, 'YYYY-MM') as month, coalesce(sum(c.deal_count), 0)::int as "wonCount",
      coalesce(sum(c.amount_total), 0)::numeric(20, 2)::text as "wonAmount"
    from generate_series(${thisMonth}::date - interval '11 months', ${thisMonth}::date, interval '1 month') m
    left join deal_close_totals c on ${where(scope, 'c')} and c.month = m::date and c.status = 'won'
    group by m order by m`)) as unknown as { rows: Insight['trend'] }
  return rows
}

interface StageRow {
  stageId: string
  name: string
  kind: 'open' | 'won' | 'lost'
  openCount: number
  openAmount: string
  wonCount: number
}

/**
 * The process's stages in board order with the deals in each now (by owner, as the insight counts them);
 * `reached` accumulates from the last stage back: a deal at stage k has passed every open stage before it,
 * a won deal every open stage. Conversion compares each open stage with the next one reached.
 */
async function funnel(tx: Tx, scope: Scope): Promise<Insight['stages']> {
  const { rows } = (await tx.execute(sql`
    select s.id as "stageId", s.name, s.kind,
      coalesce(sum(t.deal_count) filter (where t.status = 'open'), 0)::int as "openCount",
      coalesce(sum(t.amount_total) filter (where t.status = 'open'), 0)::numeric(20, 2)::text as "openAmount",
      coalesce(sum(t.deal_count) filter (where t.status = 'won'), 0)::int as "wonCount"
    from process_stages s
    left join pipeline_stage_totals t on t.tenant_id = s.tenant_id and t.process_id = s.process_id
      and t.stage_id = s.id and not t.by_creator ${scope.ownerId ? sql`and t.user_id = ${scope.ownerId}` : sql``}
    where s.tenant_id = ${scope.tenantId} and s.process_id = ${scope.processId}
    group by s.id, s.name, s.kind, s.position order by s.position, s.id`)) as unknown as { rows: StageRow[] }
  if (rows.length === 0) throw notFound('Process')
  const won = rows.reduce((n, r) => n + r.wonCount, 0)
  const reached = new Map<string, number>()
  let atOrPast = won
  for (const r of [...rows].reverse()) {
    if (r.kind !== 'open') continue
    atOrPast += r.openCount
    reached.set(r.stageId, atOrPast)
  }
  const open = rows.filter((r) => r.kind === 'open')
  return rows.flatMap((r) => {
    if (r.kind === 'lost') return []
    const here = r.kind === 'open' ? (reached.get(r.stageId) ?? 0) : r.wonCount
    const index = open.indexOf(r)
    const next =
      index < 0 ? undefined : index + 1 < open.length ? reached.get(open[index + 1]?.stageId ?? '') : won
    return [
      {
        stageId: r.stageId,
        name: r.name,
        kind: r.kind,
        openCount: r.openCount,
        openAmount: r.openAmount,
        reached: here,
        conversion: next === undefined || here === 0 ? null : Math.round((1000 * next) / here) / 10,
      },
    ]
  })
}
