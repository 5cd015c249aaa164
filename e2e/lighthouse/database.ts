// The database a run measures. Full runs: the tenant in LH_DATABASE_URL (created, migrated and generated
// when missing, then reused). Smoke: a scratch database with a small tenant, dropped afterwards.
import { connect } from '@aura/db/connect'
import { generateData } from '@aura/db/seed/generate/index'
import pg from 'pg'
import { out } from '../bench/options.ts'
import { ensureDatabase, scratchDatabase } from '../bench/pg-admin.ts'
import { BASE_URL, SMOKE, TENANT } from './options.ts'

export interface Database {
  url: string
  slug: string
  /** Drops the smoke scratch database (full runs: nothing). */
  drop: () => Promise<void>
}

/** A client on `url` for the length of `fn`. */
async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const tenantExists = (url: string, slug: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ exists: boolean; any: boolean }>(
      `select exists(select 1 from tenants where slug = $1) as exists, exists(select 1 from tenants) as any`,
      [slug],
    )
    return { exists: Boolean(rows[0]?.exists), anyTenant: Boolean(rows[0]?.any) }
  })

export async function prepareDatabase(): Promise<Database> {
  let url = BASE_URL
  let drop = async () => undefined
  if (SMOKE) {
    ;({ url, drop } = await scratchDatabase(BASE_URL, `aura_lh_smoke_${process.pid}`))
  } else await ensureDatabase(url)
  try {
    const conn = await connect(url, { max: 2 })
    try {
      await conn.migrate()
      const { exists, anyTenant } = await tenantExists(url, TENANT.slug)
      if (!exists) {
        out(`generating tenant ${TENANT.slug} (${TENANT.deals} deals)`)
        const started = performance.now()
        await generateData(conn.db, {
          tenants: [TENANT],
          seed: 42,
          // An empty database: load in one transaction and build the indexes after (fastest).
          indexes: anyTenant ? 'keep' : 'rebuild',
        })
        out(`generated in ${Math.round((performance.now() - started) / 1000)} s`)
      } else out(`tenant ${TENANT.slug} present: reusing it`)
    } finally {
      await conn.close()
    }
  } catch (error) {
    await drop()
    throw error
  }
  return { url, slug: TENANT.slug, drop }
}

/** The tenant's deal with the most activities and line items (the heaviest deal page). */
export const heaviestDeal = (url: string, slug: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `select d.id from deals d join tenants t on t.id = d.tenant_id
        where t.slug = $1
        order by (select count(*) from activities a where a.tenant_id = d.tenant_id and a.deal_id = d.id)
               + (select count(*) from deal_line_items l where l.tenant_id = d.tenant_id and l.deal_id = d.id) desc,
                 d.id
        limit 1`,
      [slug],
    )
    const id = rows[0]?.id
    if (!id) throw new Error(`tenant ${slug} has no deals`)
    return id
  })
