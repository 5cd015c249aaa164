// Plan guards (NFR-P4): every list, filter, search and summary query the API runs, captured from the real
// services and EXPLAINed as crm_app inside a withTenant transaction on a generated 20k-deal tenant, reads
// its large tables through an index led by tenant_id and never sequentially. Deterministic: plans, not
// timings. On Postgres the tenant lives in a database of its own (stable statistics, nothing else's rows);
// PGlite runs the same planner (PostgreSQL 18) on its own in-memory copy.
import { type Connection, connect } from '@aura/db/connect'
import { generateData } from '@aura/db/seed/generate/index'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDb } from '../../db/test/db.ts'
import {
  boardCursor,
  ctxOf,
  type QueryCase,
  queryCases,
  type TenantFacts,
  tenantFacts,
} from './query-cases.ts'
import { captureQueries, explain, scans } from './query-plans.ts'

/** Tables that grow with a tenant: never a Seq Scan. Catalog-sized ones (processes, stages) may be. */
const LARGE = new Set([
  'deals',
  'contacts',
  'organizations',
  'activities',
  'deal_line_items',
  'deal_stage_history',
  'audit_log',
])

const medium = (slug: string, deals: number) => ({
  slug,
  group: 'plans',
  users: 12,
  processes: 4,
  products: 40,
  organizations: Math.round(deals / 2),
  contacts: deals,
  deals,
  defaultProcessShare: 0.6,
})

let conn: Connection
let facts: TenantFacts
let cases: QueryCase[]
let dropDb: (() => Promise<void>) | undefined

beforeAll(async () => {
  const base = process.env.TEST_DATABASE_URL
  if (base) {
    const name = `aura_plans_${Date.now()}_${process.pid}`
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
  // The tenant under test and a small neighbour, so tenant_id is not the only value in the indexes.
  await generateData(conn.db, {
    tenants: [medium('plans-main', 20_000), medium('plans-other', 2_000)],
    seed: 6,
    password: null,
    indexes: 'rebuild',
    verify: false,
  })
  facts = await tenantFacts(conn.db, 'plans-main')
  cases = queryCases(facts, await boardCursor(conn.db, facts, 20))
}, 240_000)

afterAll(async () => {
  await conn?.close()
  await dropDb?.()
})

describe('query plans on a 20k-deal tenant, as crm_app under RLS', () => {
  const names = [
    'deals list (default sort)',
    'deals board column (process + stage)',
    'deals board column page N (cursor)',
    'deals by owner',
    'deals by status + close date',
    'contacts list',
    'contacts search: name',
    'contacts search: email',
    'contacts search: phone',
    'organizations list',
    'organizations search',
    'activities by contact',
    'pipeline summary (biggest process)',
  ]

  it('covers every case the query catalogue defines', () => {
    expect(cases.map((c) => c.name)).toEqual(names)
  })

  it.each(names)('%s: tenant_id-led index, no Seq Scan of a large table', async (name) => {
    const c = cases.find((x) => x.name === name)
    if (!c) throw new Error(`no case ${name}`)
    const statements = await captureQueries(conn, ctxOf(facts), c.run)
    expect(statements.length).toBeGreaterThan(0)
    let touchedLarge = 0
    for (const q of statements) {
      const { plan } = await explain(conn.db, q, { ctx: ctxOf(facts) })
      const s = await scans(conn.db, plan)
      const where = `${name}: ${q.text.slice(0, 120)}`
      expect(
        s.seqScans.filter((t) => LARGE.has(t)),
        where,
      ).toEqual([])
      const large = s.indexes.filter((i) => LARGE.has(i.table))
      if (!large.length) continue
      touchedLarge++
      // Searches take their candidate ids from the search_* functions (ADR 0080), whose own index use is
      // guarded in db/test/search-functions.test.ts; the rows are then fetched by primary key.
      const fromSearch = s.nodes.includes('Function Scan')
      if (!fromSearch)
        expect(
          large.some((i) => i.firstColumn === 'tenant_id'),
          where,
        ).toBe(true)
    }
    expect(touchedLarge, `${name} reads no large table through an index`).toBeGreaterThan(0)
  })
})
