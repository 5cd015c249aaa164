// The SQL a service really sends, and what Postgres plans for it. Shared by the plan guards
// (api/test/plans.test.ts) and the benchmark (e2e/bench), so both look at the very statements the API runs.
// - captureQueries runs a service inside withTenant on a second drizzle instance over the same driver
//   client, with a logger that records every statement (text + params), then rolls back.
// - explain runs EXPLAIN (FORMAT JSON [, ANALYZE]) of a captured statement bound the same way (crm_app, the
//   tenant, user and role settings, in one transaction) or as the owner with no binding.
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
  Plans?: PlanNode[]
  [key: string]: unknown
}

export interface Explained {
  plan: PlanNode
  executionMs?: number
  planningMs?: number
}

/**
 * EXPLAIN of a captured statement. `as: 'app'` binds crm_app and the tenant exactly as withTenant does;
 * `as: 'owner'` runs it as the connecting role (owner, RLS not applied) with nothing bound.
 */
export async function explain(
  db: Db,
  q: CapturedQuery | SQL,
  opts: { ctx: TenantContext; as?: 'app' | 'owner'; analyze?: boolean },
): Promise<Explained> {
  const prefix = `explain (format json${opts.analyze ? ', analyze, buffers' : ''}) `
  const statement = 'text' in q ? toSql(q, prefix) : sql.join([sql.raw(prefix), q], sql.raw(''))
  const run = async (tx: Tx) => {
    const result = (await tx.execute(statement)) as unknown as { rows: Record<string, unknown>[] }
    const cell = Object.values(result.rows[0] ?? {})[0]
    const json = (typeof cell === 'string' ? JSON.parse(cell) : cell) as {
      Plan: PlanNode
      'Execution Time'?: number
      'Planning Time'?: number
    }[]
    const top = json[0]
    if (!top) throw new Error('EXPLAIN returned nothing')
    return { plan: top.Plan, executionMs: top['Execution Time'], planningMs: top['Planning Time'] }
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

export interface ScanSummary {
  seqScans: string[]
  /** Indexes the plan reads, with their first column. */
  indexes: { index: string; table: string; firstColumn: string }[]
  /** Tables read by something other than an index or a seq scan (function scans, CTE scans...). */
  nodes: string[]
}

/** Sequential scans and index scans anywhere in the plan, indexes resolved to their leading column. */
export async function scans(db: Db, plan: PlanNode): Promise<ScanSummary> {
  const seqScans: string[] = []
  const indexNames: string[] = []
  const nodes: string[] = []
  const walk = (n: PlanNode) => {
    nodes.push(n['Node Type'])
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name']) seqScans.push(n['Relation Name'])
    if (n['Index Name']) indexNames.push(n['Index Name'])
    for (const child of n.Plans ?? []) walk(child)
  }
  walk(plan)
  const indexes: ScanSummary['indexes'] = []
  for (const name of new Set(indexNames)) {
    const result = (await db.execute(sql`select t.relname as "table", a.attname as "firstColumn"
      from pg_class i join pg_index x on x.indexrelid = i.oid join pg_class t on t.oid = x.indrelid
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where i.relname = ${name} and i.relkind = 'i'`)) as unknown as {
      rows: { table: string; firstColumn: string | null }[]
    }
    const row = result.rows[0]
    indexes.push({ index: name, table: row?.table ?? '?', firstColumn: row?.firstColumn ?? '(expression)' })
  }
  return { seqScans, indexes, nodes }
}

export { APP_ROLE }
