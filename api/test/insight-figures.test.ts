// Manager insight (issue 14, ADR 0170) on generated data: every figure GET /insight's service answers —
// per owner and team, per process and all, this month, quarter and year, the 12-month trend and the funnel —
// equals the same figure computed independently from the deals themselves (as the owner, outside RLS,
// narrowed by hand to what each role may see), to the cent. The totals it reads were rebuilt by the
// generator's load and then kept by the triggers through the writes below.
import type { Role, TenantContext } from '@aura/db'
import { withTenant } from '@aura/db'
import type { Connection } from '@aura/db/connect'
import { generateData } from '@aura/db/seed/generate/index'
import { rows } from '@aura/db/test/helpers'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDb } from '../../db/test/db.ts'
import type { TInsightQuery } from '../src/services/insight/insight.inputs.ts'
import { getInsight } from '../src/services/insight/insight.ts'

const spec = (slug: string, deals: number) => ({
  slug,
  group: 'insight',
  users: 6,
  processes: 3,
  products: 10,
  organizations: 60,
  contacts: 400,
  deals,
  defaultProcessShare: 0.6,
})

let conn: Connection
let tenantId: string
let processes: string[]
const people = {} as Record<Role, string>

beforeAll(async () => {
  conn = await testDb()
  const report = await generateData(conn.db, {
    tenants: [spec('insight-main', 4_000), spec('insight-other', 400)],
    seed: 14,
    password: null,
  })
  tenantId = report.tenants[0]?.tenantId ?? ''
  processes = (
    await rows<{ id: string }>(
      conn.db,
      sql`select id from sales_processes where tenant_id = ${tenantId} order by id`,
    )
  ).map((p) => p.id)
  for (const p of await rows<{ role: Role; id: string }>(
    conn.db,
    sql`select distinct on (u.role) u.role, u.id from users u left join deals d on d.assigned_user_id = u.id
      where u.tenant_id = ${tenantId} group by u.role, u.id order by u.role, count(d.id) desc, u.id`,
  ))
    people[p.role] = p.id
  // Writes through the triggers after the bulk load: a workspace in another zone, deals won, lost and
  // reopened, reassigned and deleted (as the owner: the triggers fire for every role).
  await conn.db.execute(sql`update tenants set timezone = 'Pacific/Auckland' where id = ${tenantId}`)
  await conn.db.execute(sql`
    update deals set status = 'won', stage_id = s.id, closed_at = now() - interval '3 days',
      final_amount = amount + 0.01
    from process_stages s
    where deals.tenant_id = ${tenantId} and s.tenant_id = deals.tenant_id and s.process_id = deals.process_id
      and s.kind = 'won' and deals.status = 'open' and deals.id::text like '1%'`)
  await conn.db.execute(sql`
    update deals set assigned_user_id = ${people.rep}
    where tenant_id = ${tenantId} and status <> 'open' and id::text like 'a%'`)
  await conn.db.execute(sql`
    update deals set deleted_at = now() where tenant_id = ${tenantId} and id::text like 'b%'`)
}, 300_000)

afterAll(() => conn?.close())

interface Expected {
  owners: Record<string, Record<string, unknown>>
  trend: { month: string; wonCount: number; wonAmount: string }[]
  stages: { stageId: string; reached: number }[]
}

/** The figures from the deals, as `owner` (undefined: everyone) sees them, for `query`. */
async function fromDeals(query: TInsightQuery, owner: string | undefined): Promise<Expected> {
  const scope = sql`d.tenant_id = ${tenantId} and d.deleted_at is null
    ${query.processId ? sql`and d.process_id = ${query.processId}` : sql``}
    ${owner ? sql`and d.assigned_user_id = ${owner}` : sql``}`
  const unit = sql.raw(`'${query.period}'`)
  const figures = await rows<Record<string, unknown> & { owner: string | null; team: boolean }>(
    conn.db,
    sql`
    with z as (select timezone as tz, date_trunc(${unit}, now() at time zone timezone) as p_from
      from tenants where id = ${tenantId}),
    x as (
      select d.*, (d.status = 'won' and d.closed_at at time zone z.tz >= z.p_from) as won_now,
        (d.status = 'lost' and d.closed_at at time zone z.tz >= z.p_from) as lost_now
      from deals d, z where ${scope})
    select grouping(assigned_user_id) = 1 as team, assigned_user_id as owner,
      (count(*) filter (where status = 'open'))::int as "openCount",
      coalesce(sum(amount) filter (where status = 'open'), 0)::numeric(20, 2)::text as "openAmount",
      round(coalesce(sum(amount * probability) filter (where status = 'open'), 0) / 100, 2)::numeric(20, 2)::text
        as "openWeightedAmount",
      (count(*) filter (where won_now))::int as "wonCount",
      coalesce(sum(coalesce(final_amount, amount)) filter (where won_now), 0)::numeric(20, 2)::text as "wonAmount",
      (count(*) filter (where lost_now))::int as "lostCount",
      coalesce(sum(coalesce(final_amount, amount)) filter (where lost_now), 0)::numeric(20, 2)::text as "lostAmount",
      round(100.0 * count(*) filter (where won_now) / nullif(count(*) filter (where won_now or lost_now), 0), 1)::float8
        as "winRate",
      round(sum(greatest(0, extract(epoch from closed_at - created_at))::bigint) filter (where won_now) / 86400.0
        / nullif(count(*) filter (where won_now), 0), 1)::float8 as "averageDaysToClose"
    from x group by grouping sets ((assigned_user_id), ())`,
  )
  const owners: Expected['owners'] = {}
  for (const { owner: id, team, ...f } of figures) {
    const any = Number(f.openCount) + Number(f.wonCount) + Number(f.lostCount) > 0
    if (team || any) owners[team ? 'team' : String(id)] = f
  }
  const trend = await rows<Expected['trend'][number]>(
    conn.db,
    sql`
    with z as (select timezone as tz, date_trunc('month', now() at time zone timezone) as m from tenants
      where id = ${tenantId})
    select to_char(g, 'YYYY-MM') as month, count(d.id)::int as "wonCount",
      coalesce(sum(coalesce(d.final_amount, d.amount)), 0)::numeric(20, 2)::text as "wonAmount"
    from z cross join generate_series(z.m - interval '11 months', z.m, interval '1 month') g
    left join deals d on ${scope} and d.status = 'won'
      and date_trunc('month', d.closed_at at time zone z.tz) = g
    group by g order by g`,
  )
  const stages = query.processId
    ? await rows<{ stageId: string; reached: number }>(
        conn.db,
        sql`
        select s.id as "stageId",
          (case when s.kind = 'won' then (select count(*) from deals d where ${scope} and d.status = 'won')
           else (select count(*) from deals d join process_stages ds on ds.id = d.stage_id
             where ${scope} and (d.status = 'won' or (d.status = 'open' and ds.position >= s.position)))
           end)::int as reached
        from process_stages s where s.process_id = ${query.processId} and s.kind <> 'lost'
        order by s.position, s.id`,
      )
    : []
  return { owners, trend, stages }
}

const asRole = (role: Role, query: TInsightQuery) => {
  const ctx: TenantContext = { tenantId, userId: people[role], role }
  return withTenant(conn.db, ctx, (tx) =>
    getInsight(tx, { tenantId, userId: people[role], role, requestId: 'insight-figures' }, query),
  )
}

describe('insight equals an independent computation from the deals', () => {
  const periods = ['month', 'quarter', 'year'] as const
  const roles: Role[] = ['admin', 'manager', 'rep']

  it('the generated data has closed deals in the periods compared', async () => {
    const [counts] = await rows<{ won: number; lost: number; months: number }>(
      conn.db,
      sql`select count(*) filter (where status = 'won')::int as won, count(*) filter (where status = 'lost')::int as lost,
        count(distinct date_trunc('month', closed_at))::int as months
        from deals where tenant_id = ${tenantId} and deleted_at is null and closed_at > now() - interval '1 year'`,
    )
    expect(counts?.won).toBeGreaterThan(100)
    expect(counts?.lost).toBeGreaterThan(100)
    expect(counts?.months).toBeGreaterThanOrEqual(12)
  })

  for (const role of roles)
    for (const period of periods)
      it(`as ${role}, ${period}: per owner, team, trend and funnel, each process and all`, async () => {
        for (const processId of [undefined, ...processes]) {
          const query: TInsightQuery = { period, processId }
          const got = await asRole(role, query)
          const want = await fromDeals(query, role === 'rep' ? people.rep : undefined)
          const where = `${role} ${period} ${processId ?? 'all'}`
          const { totals, owners, trend, stages } = got
          expect(
            {
              team: totals,
              ...Object.fromEntries(owners.map(({ userId, name: _, ...f }) => [String(userId), f])),
            },
            where,
          ).toEqual(want.owners)
          expect(trend, where).toEqual(want.trend)
          expect(
            stages.map((s) => ({ stageId: s.stageId, reached: s.reached })),
            where,
          ).toEqual(want.stages)
        }
      })

  it('a lead narrowing to one owner gets exactly that owner’s figures', async () => {
    const got = await asRole('manager', { period: 'year', ownerId: people.rep })
    const want = await fromDeals({ period: 'year' }, people.rep)
    expect(got.totals.wonCount).toBeGreaterThan(0)
    expect(got.totals).toEqual(want.owners.team)
    expect(got.trend).toEqual(want.trend)
  })
})
