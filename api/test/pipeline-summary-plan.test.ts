// Cost guard of the pipeline summary (issue 10, ADR 0105), deterministic: on a generated 20k-deal tenant
// (plus a neighbour), EXPLAIN (ANALYZE) of every statement summarizePipeline sends, as crm_app under RLS
// for an admin, a manager and a rep, reads no deal at all and at most a fixed number of totals rows
// (stages × (users + 1) for a lead, 2 × stages for a rep), however many deals the process holds, in one
// statement. The summary also equals the aggregate of the deals right after the bulk load, which bypassed
// the triggers.
import type { Role, TenantContext } from '@aura/db'
import { withTenant } from '@aura/db'
import { type Connection, connect } from '@aura/db/connect'
import { generateData } from '@aura/db/seed/generate/index'
import { rows } from '@aura/db/test/helpers'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDb } from '../../db/test/db.ts'
import { summarizePipeline } from '../src/services/deals/summarize-pipeline.ts'
import { captureQueries, explain, type PlanNode } from './query-plans.ts'
import { freshSummary } from './summary-fixtures.ts'

const USERS = 12

const tenant = (slug: string, deals: number) => ({
  slug,
  group: 'summary-plan',
  users: USERS,
  processes: 3,
  products: 20,
  organizations: 200,
  contacts: 1_000,
  deals,
  defaultProcessShare: 0.7,
})

/** Tables a summary may read: the process, its stages and their totals. Never deals. */
const ALLOWED = new Set(['sales_processes', 'process_stages', 'pipeline_stage_totals'])
const SCANS = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan'])

/** Rows each table's scan nodes read: returned plus removed by filter or recheck, over all loops. */
function rowsRead(plan: PlanNode): Map<string, number> {
  const read = new Map<string, number>()
  const walk = (n: PlanNode) => {
    const table = n['Relation Name']
    if (table && SCANS.has(n['Node Type'])) {
      const perLoop =
        Number(n['Actual Rows'] ?? 0) +
        Number(n['Rows Removed by Filter'] ?? 0) +
        Number(n['Rows Removed by Index Recheck'] ?? 0)
      read.set(table, (read.get(table) ?? 0) + perLoop * Number(n['Actual Loops'] ?? 1))
    }
    for (const child of n.Plans ?? []) walk(child)
  }
  walk(plan)
  return read
}

let conn: Connection
let dropDb: (() => Promise<void>) | undefined
let facts: { tenantId: string; processId: string; stages: number; deals: number }
let members: Record<Role, string>

beforeAll(async () => {
  const base = process.env.TEST_DATABASE_URL
  if (base) {
    // A database of its own, as in plans.test.ts: stable statistics, nothing else's rows.
    const name = `aura_summary_plan_${Date.now()}_${process.pid}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`create database ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    conn = await connect(url.toString(), { max: 2 })
    await conn.migrate()
    dropDb = async () => {
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  } else {
    conn = await testDb()
  }
  // verify (the default) also checks the totals the load rebuilt against the deals.
  const report = await generateData(conn.db, {
    tenants: [tenant('summary-main', 20_000), tenant('summary-other', 2_000)],
    seed: 11,
    password: null,
    indexes: 'rebuild',
  })
  const tenantId = report.tenants[0]?.tenantId ?? ''
  const [biggest] = await rows<{ process_id: string; deals: number; stages: number }>(
    conn.db,
    sql`select d.process_id, count(*)::int as deals,
        (select count(*)::int from process_stages s where s.process_id = d.process_id) as stages
      from deals d where d.tenant_id = ${tenantId} and d.deleted_at is null
      group by 1 order by 2 desc limit 1`,
  )
  if (!biggest) throw new Error('no deals generated')
  facts = { tenantId, processId: biggest.process_id, stages: biggest.stages, deals: biggest.deals }
  // The rep who owns the most deals of that process.
  const people = await rows<{ role: Role; id: string }>(
    conn.db,
    sql`select distinct on (u.role) u.role, u.id from users u
      left join deals d on d.assigned_user_id = u.id and d.process_id = ${facts.processId}
      where u.tenant_id = ${tenantId} group by u.role, u.id order by u.role, count(d.id) desc, u.id`,
  )
  members = Object.fromEntries(people.map((p) => [p.role, p.id])) as Record<Role, string>
}, 300_000)

afterAll(async () => {
  await conn?.close()
  await dropDb?.()
})

describe('pipeline summary on a 20k-deal tenant, as crm_app under RLS', () => {
  const roles: Role[] = ['admin', 'manager', 'rep']
  const ctx = (role: Role): TenantContext => ({ tenantId: facts.tenantId, userId: members[role], role })
  const summarize = (role: Role) => (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) =>
    summarizePipeline(tx, facts.processId, { userId: members[role], role })

  it.each(roles)('as %s: reads no deal and at most a fixed number of totals rows', async (role) => {
    expect(facts.deals).toBeGreaterThan(10_000)
    const bound = role === 'rep' ? 2 * facts.stages : facts.stages * (USERS + 1)
    const statements = await captureQueries(conn, ctx(role), summarize(role))
    // Process, stages and totals in one statement: a read request's one query (issue 10's round trips).
    expect(statements).toHaveLength(1)
    let totalsRead = 0
    for (const q of statements) {
      const { plan } = await explain(conn.db, q, { ctx: ctx(role), analyze: true })
      const read = rowsRead(plan)
      const where = `${role}: ${q.text.slice(0, 100)}`
      expect(
        [...read.keys()].filter((t) => !ALLOWED.has(t)),
        where,
      ).toEqual([])
      totalsRead += read.get('pipeline_stage_totals') ?? 0
    }
    expect(totalsRead, `${role} totals rows read`).toBeGreaterThan(0)
    expect(totalsRead, `${role} totals rows read`).toBeLessThanOrEqual(bound)
  })

  it.each(roles)('as %s: equals the aggregate of the deals after the bulk load', async (role) => {
    const summary = await withTenant(conn.db, ctx(role), summarize(role))
    const fresh = await freshSummary(conn.db, ctx(role), facts.processId)
    expect({
      stages: summary.stages.map((s) => ({
        stageId: s.stageId,
        count: s.count,
        totalAmount: s.totalAmount,
        weightedAmount: s.weightedAmount,
      })),
      totals: summary.totals,
    }).toEqual(fresh)
    expect(summary.totals.openCount).toBeGreaterThan(0)
  })
})
