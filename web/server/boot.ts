// Boots the in-process API for the web server: connect, migrate (when migrations exist), and seed the
// demo tenant into an empty database (when the seed exists). Both may be missing while the schema is
// still being written, so each step says what it did or skipped instead of failing the boot.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createNodeApi, type NodeApi } from '@aura/api/node'
import { MIGRATIONS_FOLDER } from '@aura/db/connect'
import { sql } from 'drizzle-orm'

const DEMO_SEED = new URL('../../db/seed/demo.ts', import.meta.url)

/** What `seedDemo(db)` in db/seed/demo.ts may return; logins are printed so a newcomer can sign in. */
interface DemoSeedResult {
  logins?: { email: string; password: string; role?: string }[]
}

export async function bootApi(env: Record<string, string | undefined>): Promise<NodeApi> {
  const api = await createNodeApi(env, { migrate: false })
  try {
    await migrate(api)
    if (env.SEED_DEMO !== '0' && env.SEED_DEMO !== 'false') await seedIfEmpty(api)
  } catch (err) {
    await api.close()
    throw err
  }
  return api
}

async function migrate(api: NodeApi) {
  if (!existsSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'))) {
    api.logger.warn('no migrations yet: starting on an unmigrated database', { folder: 'db/migrations' })
    return
  }
  const started = performance.now()
  await api.conn.migrate()
  api.logger.info('database migrated', { driver: api.conn.kind, ms: Math.round(performance.now() - started) })
}

async function seedIfEmpty(api: NodeApi) {
  if (!existsSync(DEMO_SEED)) {
    api.logger.info('demo seed skipped: db/seed/demo.ts does not exist yet')
    return
  }
  const mod = (await import(DEMO_SEED.href)) as { seedDemo?: unknown }
  if (typeof mod.seedDemo !== 'function') {
    api.logger.warn('demo seed skipped: db/seed/demo.ts does not export seedDemo(db)')
    return
  }
  if (!(await isEmpty(api))) {
    api.logger.info('demo seed skipped: the database already has tenants')
    return
  }
  const started = performance.now()
  const result = ((await mod.seedDemo(api.conn.db)) ?? {}) as DemoSeedResult
  api.logger.info('demo tenant seeded', { ms: Math.round(performance.now() - started) })
  // Fixed, public demo credentials on a local database: printing them is the point.
  for (const login of result.logins ?? []) api.logger.info('demo login', { ...login })
}

async function isEmpty(api: NodeApi): Promise<boolean> {
  const res = (await api.conn.db.execute(
    sql`select to_regclass('public.tenants') is not null as has_table`,
  )) as unknown as { rows: { has_table: boolean }[] }
  if (!res.rows[0]?.has_table) return false
  const count = (await api.conn.db.execute(sql`select exists (select 1 from tenants) as any`)) as unknown as {
    rows: { any: boolean }[]
  }
  return !count.rows[0]?.any
}
