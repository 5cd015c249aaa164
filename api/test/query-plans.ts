// The SQL a service really sends, and what Postgres plans for it. Shared by the plan guards
// (api/test/plans.test.ts) and the benchmark (e2e/bench), so both look at the very statements the API runs.
// - captureQueries runs a service inside withTenant on a second drizzle instance over the same driver
//   client, with a logger that records every statement (text + params), then rolls back.
// - explain runs EXPLAIN (FORMAT JSON [, ANALYZE, BUFFERS]) of a captured statement bound the same way
//   (crm_app, the tenant, user and role settings, in one transaction) or as the owner with no binding;
//   `generic` prepares it and explains EXECUTE under plan_cache_mode = force_generic_plan, the plan a
//   driver's prepared statement gets once Postgres stops planning it per call.
// - readCost turns an analyzed plan into what the guards bound: rows read by the scan nodes, the largest
//   input of a Sort, buffers.
import { APP_ROLE, type Db, type TenantContext, type Tx, withTenant } from '@aura/db'
import type { Connection } from '@aura/db/connect'
import * as schema from '@aura/db/schema/index'
import { type SQL, sql } from 'drizzle-orm'
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'

export interface CapturedQuery {
  text: string
  params: unknown[]
}

class Rollback extends Error {}

/** Statements the service sends inside its tenant transaction (binding, BEGIN and COMMIT left out). */
export async function captureQueries(
  conn: Connection,
  ctx: TenantContext,
  fn: (tx: Tx) => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const seen: CapturedQuery[] = []
  const logger: DrizzleLogger = { logQuery: (text, params) => seen.push({ text, params: [...params] }) }
  const client = (conn.db as unknown as { $client: unknown }).$client
  const logged = (conn.kind === 'pglite'
    ? drizzlePglite({ client: client as never, schema, logger })
    : drizzlePg({ client: client as never, schema, logger })) as unknown as Db
  try {
    await withTenant(logged, ctx, async (tx) => {
      await fn(tx)
      throw new Rollback()
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  return seen.filter(
    (q) => !/^\s*(begin|commit|rollback)\b/i.test(q.text) && !/set_config\('role'/.test(q.text),
  )
}

/** A captured statement as a drizzle SQL again: the same text, the same parameters in the same order. */
export function toSql(q: CapturedQuery, prefix = ''): SQL {
  const parts = q.text.split(/\$(\d+)/)
  const chunks: SQL[] = [sql.raw(prefix)]
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${q.params[Number(part) - 1]}`)
  })
  return sql.join(chunks, sql.raw(''))
}

/** The statement with its parameters written in as literals (for pgbench scripts). */
export function inlineParams(q: CapturedQuery): string {
  return q.text.replace(/\$(\d+)/g, (_, n: string) => literal(q.params[Number(n) - 1]))
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v)
  return `'${s.replaceAll("'", "''")}'`
}

export interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Total Time'?: number
  'Actual Rows'?: number
  'Actual Loops'?: number
  Plans?: PlanNode[]
  [key: string]: unknown
}

export interface Explained {
  plan: PlanNode
  executionMs?: number
  planningMs?: number
  /**
   * With `analyze`: heap rows the statement made this transaction read, from the scan counters
   * (pg_stat_get_xact_tuples_returned/fetched: sequential, bitmap-heap and index fetches). Unlike the plan,
   * they also see inside functions (the SECURITY DEFINER search_* functions, whose plans EXPLAIN hides).
   */
  heapRowsRead?: number
}

let prepared = 0

/**
 * EXPLAIN of a captured statement. `as: 'app'` binds crm_app and the tenant exactly as withTenant does;
 * `as: 'owner'` runs it as the connecting role (owner, RLS not applied) with nothing bound. `generic`
 * (captured statements only) explains the generic plan of the prepared statement, executed with the
 * captured parameters.
 */
export async function explain(
  db: Db,
  q: CapturedQuery | SQL,
  opts: { ctx: TenantContext; as?: 'app' | 'owner'; analyze?: boolean; generic?: boolean },
): Promise<Explained> {
  const options = `format json${opts.analyze ? ', analyze, buffers' : ''}`
  const run = async (tx: Tx) => {
    let statement: SQL
    let name: string | undefined
    if (opts.generic) {
      if (!('text' in q)) throw new Error('explain: generic needs a captured statement')
      name = `aura_plan_${process.pid}_${++prepared}`
      await tx.execute(sql`select set_config('plan_cache_mode', 'force_generic_plan', true)`)
      await tx.execute(sql.raw(`prepare ${name} as ${q.text}`))
      // EXECUTE is a utility statement: its arguments cannot be bound parameters, so they go in as literals
      // (untyped, so each takes its parameter's type as a bound value would).
      const args = q.params.map((_, i) => `$${i + 1}`).join(', ')
      const execute = inlineParams({ text: `execute ${name}${args ? `(${args})` : ''}`, params: q.params })
      statement = sql.raw(`explain (${options}) ${execute}`)
    } else {
      statement =
        'text' in q
          ? toSql(q, `explain (${options}) `)
          : sql.join([sql.raw(`explain (${options}) `), q], sql.raw(''))
    }
    const before = opts.analyze ? await heapRowsSoFar(tx) : 0
    const result = (await tx.execute(statement)) as unknown as { rows: Record<string, unknown>[] }
    const after = opts.analyze ? await heapRowsSoFar(tx) : 0
    // A prepared statement outlives the transaction (even a rolled back one): drop it on this connection.
    if (name) await tx.execute(sql.raw(`deallocate ${name}`))
    const cell = Object.values(result.rows[0] ?? {})[0]
    const json = (typeof cell === 'string' ? JSON.parse(cell) : cell) as {
      Plan: PlanNode
      'Execution Time'?: number
      'Planning Time'?: number
    }[]
    const top = json[0]
    if (!top) throw new Error('EXPLAIN returned nothing')
    return {
      plan: top.Plan,
      executionMs: top['Execution Time'],
      planningMs: top['Planning Time'],
      ...(opts.analyze ? { heapRowsRead: after - before } : {}),
    }
  }
  let out: Explained | undefined
  try {
    await (opts.as === 'owner'
      ? db.transaction(async (tx) => {
          out = await run(tx)
          throw new Rollback()
        })
      : withTenant(db, opts.ctx, async (tx) => {
          out = await run(tx)
          throw new Rollback()
        }))
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  if (!out) throw new Error('EXPLAIN did not run')
  return out
}

/**
 * Heap rows this transaction has read from the application's tables so far: tuples returned by sequential
 * scans and fetched by bitmap heap scans (counted on the table), plus heap fetches of plain index scans
 * (counted on the index). Index-only scans fetch no heap rows; the plan's own counts cover those.
 */
async function heapRowsSoFar(tx: Tx): Promise<number> {
  const result = (await tx.execute(sql`select coalesce(sum(case when c.relkind = 'i'
        then pg_stat_get_xact_tuples_fetched(c.oid)
        else pg_stat_get_xact_tuples_returned(c.oid) + pg_stat_get_xact_tuples_fetched(c.oid) end), 0)::float8 as n
      from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'i')`)) as unknown as {
    rows: { n: number | string }[]
  }
  return Number(result.rows[0]?.n ?? 0)
}

/** Scan nodes whose rows count as read: each row they produced or threw away, in every loop. */
const SCAN_NODES = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Tid Scan'])
const SORT_NODES = new Set(['Sort', 'Incremental Sort'])

export interface ScanRead {
  node: string
  relation: string
  index?: string
  rows: number
}

export interface ReadCost {
  /** Σ (actual rows + rows removed by filter or index recheck) × loops over the scan nodes. */
  rowsRead: number
  /** The most rows any Sort node received (0 without a sort). */
  largestSort: number
  /** Shared buffers hit or read by the whole plan. */
  buffers: number
  scans: ScanRead[]
}

/** What an analyzed plan read (EXPLAIN reports per-loop averages; they are multiplied back by loops). */
export function readCost(plan: PlanNode): ReadCost {
  const scans: ScanRead[] = []
  let largestSort = 0
  const num = (n: PlanNode, key: string) => Number(n[key] ?? 0)
  const walk = (n: PlanNode) => {
    const loops = num(n, 'Actual Loops')
    if (SCAN_NODES.has(n['Node Type'])) {
      const per =
        num(n, 'Actual Rows') + num(n, 'Rows Removed by Filter') + num(n, 'Rows Removed by Index Recheck')
      scans.push({
        node: n['Node Type'],
        relation: n['Relation Name'] ?? '?',
        ...(n['Index Name'] ? { index: n['Index Name'] } : {}),
        rows: Math.round(per * loops),
      })
    }
    if (SORT_NODES.has(n['Node Type']))
      for (const child of n.Plans ?? [])
        largestSort = Math.max(
          largestSort,
          Math.round(num(child, 'Actual Rows') * num(child, 'Actual Loops')),
        )
    for (const child of n.Plans ?? []) walk(child)
  }
  walk(plan)
  return {
    rowsRead: scans.reduce((sum, s) => sum + s.rows, 0),
    largestSort,
    buffers: num(plan, 'Shared Hit Blocks') + num(plan, 'Shared Read Blocks'),
    scans,
  }
}

export { APP_ROLE }
