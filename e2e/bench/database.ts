// The database a run measures. Full runs: the standard generated data in aura_bench (migrated, generated
// when missing), copied to a throwaway database for the run, so the writes of one run (moved deals, added
// lines, history and audit rows) never reach the next: before/after runs start from the same rows.
// Smoke: a scratch database with a 1k-deal tenant and a smaller neighbour.
import { connect } from '@aura/db/connect'
import { generateData, type TenantSpec } from '@aura/db/seed/generate/index'
import { sql } from 'drizzle-orm'
import { options, out } from './options.ts'
import { ensureDatabase, scratchDatabase, withAdmin } from './pg-admin.ts'

export interface BenchDatabase {
  url: string
  slug: string
  /** Drops the run's copy (or the smoke scratch database). */
  drop: () => Promise<void>
}

const SMOKE_TENANTS: TenantSpec[] = [
  {
    slug: 'bench-smoke',
    group: 'bench',
    users: 4,
    processes: 2,
    products: 20,
    organizations: 200,
    contacts: 1_000,
    deals: 1_000,
    defaultProcessShare: 0.7,
  },
  {
    slug: 'bench-smoke-neighbour',
    group: 'bench',
    users: 3,
    processes: 1,
    products: 5,
    organizations: 20,
    contacts: 100,
    deals: 200,
    defaultProcessShare: 1,
  },
]

export async function prepareDatabase(): Promise<BenchDatabase> {
  if (options.smoke) return smokeDatabase()
  const url = options.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/aura_bench'
  await ensureDatabase(url)
  const conn = await connect(url, { max: 3 })
  try {
    await conn.migrate()
    const counts = (await conn.db.execute(
      sql`select (select count(*)::int from tenants where slug = 'gen-big') as big,
        (select count(*)::int from tenants where slug like 'gen-0%' or slug = 'gen-100') as neighbours`,
    )) as unknown as { rows: { big: number; neighbours: number }[] }
    const { big, neighbours } = counts.rows[0] ?? { big: 0, neighbours: 0 }
    if (!big || !neighbours) {
      // The whole standard set (100 × 10k deals + gen-big) took ~25 min here; gen-big alone ~2 min.
      const only = neighbours ? ['big'] : big ? ['tenants'] : undefined
      out(`generating standard data${only ? ` (--only ${only.join(',')})` : ''}: up to ~25 minutes`)
      await generateData(conn.db, {
        scale: 'standard',
        seed: 42,
        ...(only ? { only } : {}),
        indexes: big || neighbours ? 'keep' : 'rebuild',
        log: out,
      })
    }
  } finally {
    await conn.close()
  }
  if (options.inPlace) return { url, slug: 'gen-big', drop: async () => undefined }
  return { ...(await copyOf(url, `aura_b_run_${process.pid}`)), slug: 'gen-big' }
}

/** A file-level copy of the benchmark database (seconds to a minute; nobody may be connected to it). */
async function copyOf(url: string, name: string) {
  const started = performance.now()
  const source = new URL(url).pathname.slice(1)
  await withAdmin(url, (admin) =>
    admin.query(`create database ${name} template "${source}" strategy file_copy`),
  )
  out(`copied ${source} to ${name} in ${Math.round((performance.now() - started) / 1000)} s`)
  const copy = new URL(url)
  copy.pathname = `/${name}`
  // The copy starts with cold caches: the runner warms each scenario before measuring.
  return {
    url: copy.toString(),
    drop: () =>
      withAdmin(url, (admin) => admin.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  }
}

async function smokeDatabase(): Promise<BenchDatabase> {
  const base = options.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const { url, drop } = await scratchDatabase(base, `aura_b_smoke_${process.pid}`)
  try {
    const conn = await connect(url, { max: 2 })
    try {
      await conn.migrate()
      await generateData(conn.db, { tenants: SMOKE_TENANTS, seed: 7, indexes: 'rebuild' })
    } finally {
      await conn.close()
    }
  } catch (error) {
    await drop()
    throw error
  }
  return { url, slug: 'bench-smoke', drop }
}
