// npm run db:restore-drill [-- --scale tiny|small] — the runbook's restore (docs/operations/backup-and-restore.md),
// rehearsed on a Postgres: a source database is migrated and filled with generated tenants, dumped with
// pg_dump (custom format), restored with pg_restore into a fresh database, and the copy is verified the way
// the runbook verifies a production restore (npm run db:verify): RLS forced, roles, append-only guards,
// every tenant's keys and exact deal totals, the same row count in every table as the source, and tenant
// isolation still enforced for crm_app. Prints the timing of each step; both databases are dropped.
// DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { withTenant } from '../client.ts'
import { connect } from '../connect.ts'
import { generateData, type ScaleName } from '../seed/generate/index.ts'
import { verifyDatabase } from '../verify-database.ts'

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'tiny' } } })
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const out = (line: string) => process.stdout.write(`${line}\n`)
const stamp = `${Date.now()}_${process.pid}`
const urlOf = (name: string) => {
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}
const source = `aura_drill_src_${stamp}`
const target = `aura_drill_dst_${stamp}`
const timings: [string, number][] = []
async function timed<T>(step: string, fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now()
  const result = await fn()
  timings.push([step, Math.round(performance.now() - started)])
  return result
}

const admin = new pg.Client({ connectionString: server })
await admin.connect()
const work = mkdtempSync(join(tmpdir(), 'aura-drill-'))
const dump = join(work, 'aura.dump')
let failed = false
try {
  await admin.query(`create database ${source}`)
  await timed(`migrate + generate (${values.scale})`, async () => {
    const conn = await connect(urlOf(source), { max: 3 })
    await conn.migrate()
    await generateData(conn.db, { scale: values.scale as ScaleName, seed: 42, password: null })
    await conn.close()
  })
  const before = await timed('verify the source', () => check(urlOf(source)))
  await timed('pg_dump -Fc', () => execFileSync('pg_dump', ['-Fc', '-f', dump, urlOf(source)]))
  await admin.query(`create database ${target}`)
  await timed('pg_restore', () => execFileSync('pg_restore', ['--exit-on-error', '-d', urlOf(target), dump]))
  const after = await timed('verify the restore', () => check(urlOf(target)))
  const isolation = await timed('tenant isolation as crm_app', () => isolationHolds(urlOf(target)))

  const differ = Object.keys({ ...before.counts, ...after.counts }).filter(
    (t) => before.counts[t] !== after.counts[t],
  )
  for (const t of differ) out(`MISMATCH ${t}: source ${before.counts[t]}, restored ${after.counts[t]}`)
  for (const p of [...before.problems.map((p) => `source: ${p}`), ...after.problems]) out(`PROBLEM ${p}`)
  if (before.migrations !== after.migrations) out('MISMATCH migrations applied')
  if (!isolation) out('PROBLEM crm_app sees rows of a tenant it is not bound to')
  failed =
    differ.length > 0 ||
    before.problems.length + after.problems.length > 0 ||
    before.migrations !== after.migrations ||
    !isolation
  const rowsTotal = Object.values(after.counts).reduce((a, b) => a + b, 0)
  out(
    `restore drill: ${Object.keys(after.counts).length} tables, ${rowsTotal} rows, dump ${statSync(dump).size} bytes`,
  )
  for (const [step, ms] of timings) out(`  ${step.padEnd(32)} ${ms} ms`)
  out(failed ? 'restore drill FAILED' : 'restore drill: the copy is identical and verified')
} finally {
  rmSync(work, { recursive: true, force: true })
  await admin.query(`drop database if exists ${source} with (force)`)
  await admin.query(`drop database if exists ${target} with (force)`)
  await admin.end()
}
process.exitCode = failed ? 1 : 0

async function check(url: string) {
  const conn = await connect(url, { max: 2 })
  try {
    return await verifyDatabase(conn.db)
  } finally {
    await conn.close()
  }
}

/** Bound to one tenant, crm_app sees exactly that tenant's deals and none of another's. */
async function isolationHolds(url: string): Promise<boolean> {
  const conn = await connect(url, { max: 2 })
  try {
    const tenants = (await conn.db.execute(
      sql`select t.id, count(d.id)::int as deals from tenants t left join deals d on d.tenant_id = t.id
        group by t.id order by t.id`,
    )) as unknown as { rows: { id: string; deals: number }[] }
    for (const t of tenants.rows) {
      const seen = await withTenant(conn.db, { tenantId: t.id, role: 'admin' }, async (tx) => {
        const r = (await tx.execute(
          sql`select count(*)::int as n, count(*) filter (where tenant_id <> ${t.id})::int as foreign from deals`,
        )) as unknown as { rows: { n: number; foreign: number }[] }
        return r.rows[0]
      })
      if (!seen || seen.n !== t.deals || seen.foreign !== 0) return false
    }
    return tenants.rows.length > 0
  } finally {
    await conn.close()
  }
}
