// Tenant isolation, table by table from the catalog: tenant B (as its admin, the widest tenant role) can
// neither read, write, move nor delete tenant A's rows, and an unbound crm_app sees nothing.
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { testDb } from './db.ts'
import { affected, asAppWithoutContext, INSUFFICIENT_PRIVILEGE, outcome, rows } from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let a: TenantWorld
let b: TenantWorld
let tables: string[]

beforeAll(async () => {
  conn = await testDb()
  a = await buildTenantWorld(conn.db)
  b = await buildTenantWorld(conn.db)
  tables = (
    await rows<{ name: string }>(
      conn.db,
      sql`select c.relname as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
          where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    )
  ).map((r) => r.name)
})
afterAll(async () => {
  await conn.close()
})

const asB = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(conn.db, { tenantId: b.tenantId, userId: b.admin.id, role: 'admin' }, fn)

const can = async (table: string, privilege: string) => {
  const [r] = await rows<{ ok: boolean }>(
    conn.db,
    privilege === 'DELETE'
      ? sql`select has_table_privilege('crm_app', ${table}, 'DELETE') as ok`
      : sql`select has_any_column_privilege('crm_app', ${table}, ${privilege}) as ok`,
  )
  return r?.ok === true
}

/** The tenant key column of a table: tenants is keyed by its own id. */
const keyOf = (table: string) => (table === 'tenants' ? 'id' : 'tenant_id')

describe('tenant B', () => {
  it('has rows of its own in every tenant table (so an empty result means something)', async () => {
    for (const table of tables) {
      const [r] = await rows<{ n: number }>(
        conn.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${a.tenantId}`,
      )
      expect(r?.n, table).toBeGreaterThan(0)
    }
  })

  it('sees none of tenant A’s rows in any table', async () => {
    for (const table of [...tables, 'tenants']) {
      const key = sql.identifier(keyOf(table))
      const query = sql`select count(*)::int as n from ${sql.identifier(table)} where ${key} = ${a.tenantId}`
      if (!(await can(table, 'SELECT'))) {
        expect(await outcome(() => asB((tx) => tx.execute(query))), table).toBe(INSUFFICIENT_PRIVILEGE)
        continue
      }
      const [r] = await asB((tx) => rows<{ n: number }>(tx, query))
      expect(r?.n, table).toBe(0)
    }
  })

  it('cannot insert a row carrying tenant A’s id into any table', async () => {
    for (const table of tables) {
      const insert = await copyOfRow(table, a.tenantId)
      expect(await outcome(() => asB((tx) => tx.execute(insert))), table).toBe(INSUFFICIENT_PRIVILEGE)
    }
  })

  it('updates and deletes zero of tenant A’s rows in any table', async () => {
    for (const table of [...tables, 'tenants']) {
      const t = sql.identifier(table)
      const key = sql.identifier(keyOf(table))
      const column = await updatableColumn(table)
      if (column) {
        const c = sql.identifier(column)
        const n = await asB((tx) =>
          affected(tx, sql`update ${t} set ${c} = ${c} where ${key} = ${a.tenantId}`),
        )
        expect(n, `update ${table}`).toBe(0)
      } else {
        const update = sql`update ${t} set ${key} = ${key} where ${key} = ${a.tenantId}`
        expect(await outcome(() => asB((tx) => tx.execute(update))), `update ${table}`).toBe(
          INSUFFICIENT_PRIVILEGE,
        )
      }
      const del = sql`delete from ${t} where ${key} = ${a.tenantId}`
      if (await can(table, 'DELETE')) {
        expect(await asB((tx) => affected(tx, del)), `delete ${table}`).toBe(0)
      } else {
        expect(await outcome(() => asB((tx) => tx.execute(del))), `delete ${table}`).toBe(
          INSUFFICIENT_PRIVILEGE,
        )
      }
    }
    const [still] = await rows<{ n: number }>(
      conn.db,
      sql`select count(*)::int as n from deals where tenant_id = ${a.tenantId}`,
    )
    // The world's two deals: the rep's open one and the unowned won one.
    expect(still?.n).toBe(2)
  })

  it('cannot move its own row into tenant A', async () => {
    const move = sql`update contacts set tenant_id = ${a.tenantId} where id = ${b.contact.id}`
    expect(await outcome(() => asB((tx) => tx.execute(move)))).not.toBe('ok')
  })
})

describe('crm_app with no tenant bound', () => {
  it('sees zero rows in every table it may read, without an error', async () => {
    for (const table of [...tables, 'tenants']) {
      if (!(await can(table, 'SELECT'))) continue
      const query = sql`select count(*)::int as n from ${sql.identifier(table)}`
      const [never] = await asAppWithoutContext(conn.db, (tx) => rows<{ n: number }>(tx, query))
      expect(never?.n, `${table}, never set`).toBe(0)
      // On a pooled connection an earlier transaction leaves '' behind: still zero rows, not a cast error.
      const [blank] = await withTenant(conn.db, { tenantId: '' }, (tx) => rows<{ n: number }>(tx, query))
      expect(blank?.n, `${table}, set to ''`).toBe(0)
    }
  })
})

/** INSERT of a copy of one of tenant's rows (new id, every writable column), built as the owner. */
async function copyOfRow(table: string, tenantId: string): Promise<SQL> {
  const columns = (
    await rows<{ name: string }>(
      conn.db,
      sql`select attname as name from pg_attribute
          where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
          order by attnum`,
    )
  ).map((r) => r.name)
  const [row] = await rows<{ j: Record<string, unknown> }>(
    conn.db,
    sql`select to_jsonb(x) as j from ${sql.identifier(table)} x where tenant_id = ${tenantId} limit 1`,
  )
  const record = { ...row?.j }
  if ('id' in record) record.id = crypto.randomUUID()
  if (table === 'sessions') record.id = `copy-${crypto.randomUUID()}`
  const list = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  )
  return sql`insert into ${sql.identifier(table)} (${list})
    select ${list} from jsonb_populate_record(null::${sql.identifier(table)}, ${JSON.stringify(record)}::jsonb)`
}

/** A column crm_app may UPDATE on the table, if any. */
async function updatableColumn(table: string): Promise<string | undefined> {
  const [r] = await rows<{ name: string }>(
    conn.db,
    sql`select attname as name from pg_attribute
        where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
          and has_column_privilege('crm_app', attrelid, attnum, 'UPDATE')
        order by attnum limit 1`,
  )
  return r?.name
}
