// Named (prepared) statements on every driver the API uses, on a real database: PGlite, or node-postgres
// and Neon's driver (through the WebSocket relay) when the run has a Postgres. What the server holds is read
// from pg_prepared_statements on the same connection: one row per name, with how often it ran.
import { readFileSync } from 'node:fs'
import { type SQL, sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, type Tx, withTenant } from '../client.ts'
import { type Connection, type ConnectOptions, connect } from '../connect.ts'
import { isPreparable, statementName } from '../prepared.ts'
import { deals } from '../schema/index.ts'
import { rows } from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'
import { startWsRelay, type WsRelay } from './ws-relay.ts'

const url = process.env.TEST_DATABASE_URL
const MAX = 8

interface Driver {
  name: string
  open(options: ConnectOptions): Promise<Connection>
  /** Runs DDL as the owner beside the connection under test (another session on Postgres). */
  ddl(statement: string): Promise<void>
}

let relay: WsRelay | undefined
let admin: pg.Client | undefined
const pglite = (options: ConnectOptions) => {
  const template = process.env.TEST_PGLITE_TEMPLATE
  return connect('memory://', {
    ...options,
    ...(template ? { pgliteTemplate: new Blob([readFileSync(template)]) } : {}),
  })
}
const adminDdl = async (statement: string) => {
  await admin?.query(statement)
}

const drivers: Driver[] = url
  ? [
      { name: 'node-postgres', open: (o) => connect(url, { max: 1, ...o }), ddl: adminDdl },
      {
        name: 'neon',
        open: (o) => connect(url, { max: 1, neonWsProxy: `127.0.0.1:${relay?.port}`, ...o }),
        ddl: adminDdl,
      },
    ]
  : [{ name: 'pglite', open: pglite, ddl: async () => {} }]

beforeAll(async () => {
  if (!url) return
  relay = await startWsRelay()
  admin = new pg.Client({ connectionString: url })
  await admin.connect()
})
afterAll(async () => {
  await admin?.end()
  await relay?.close()
})

const one = async <T>(db: Db | Tx, query: SQL) => (await rows<T>(db, query))[0] as T
/** This session's prepared statements (PGlite is one session; the pools here hold one connection). */
const prepared = (tx: Tx) =>
  rows<{ name: string; statement: string; runs: number; generic: number }>(
    tx,
    sql`select name, statement, (generic_plans + custom_plans)::int as runs, generic_plans::int as generic
      from pg_prepared_statements order by name`,
  )

describe('isPreparable', () => {
  it('names single queries and DML, never transaction control, DDL, EXPLAIN or several statements', () => {
    expect(isPreparable('select $1::int', 1)).toBe(true)
    expect(isPreparable('  with x as (select 1) select * from x', 0)).toBe(true)
    expect(isPreparable('insert into t values ($1)', 1)).toBe(true)
    expect(isPreparable('begin', 0)).toBe(false)
    expect(isPreparable('commit', 0)).toBe(false)
    expect(isPreparable('create table t (n int)', 0)).toBe(false)
    expect(isPreparable('explain select $1::int', 1)).toBe(false)
    expect(isPreparable('select 1; select 2', 0)).toBe(false)
  })
})

describe.each(drivers)('named statements on $name', (driver) => {
  let conn: Connection
  let unnamed: Connection
  let a: TenantWorld
  let b: TenantWorld

  beforeAll(async () => {
    conn = await driver.open({ maxPrepared: MAX })
    unnamed = driver.name === 'pglite' ? conn : await driver.open({ maxPrepared: 0 })
    a = await buildTenantWorld(conn.db)
    b = await buildTenantWorld(conn.db)
  })
  afterAll(async () => {
    if (unnamed !== conn) await unnamed?.close()
    await conn?.close()
  })

  it('parses a statement once per connection and then runs it by name, across transactions', async () => {
    const query = sql`select ${41}::int + 1 as n, 'prepared-once' as probe`
    const text = "select $1::int + 1 as n, 'prepared-once' as probe"
    const seen = await conn.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) expect(await one(tx, query)).toEqual({ n: 42, probe: 'prepared-once' })
      return (await prepared(tx)).filter((s) => s.statement === text)
    })
    expect(seen).toEqual([{ name: statementName(text), statement: text, runs: 3, generic: 0 }])
    const again = await conn.db.transaction(async (tx) => {
      await one(tx, query)
      return (await prepared(tx)).filter((s) => s.statement === text)
    })
    expect(again.map((s) => s.runs)).toEqual([4])
  })

  it('keeps BEGIN, COMMIT and DDL unnamed', async () => {
    const names = await conn.db.transaction(async (tx) => (await prepared(tx)).map((s) => s.statement))
    expect(names.filter((s) => /^\s*(begin|commit|rollback|create|alter|drop|set)\b/i.test(s))).toEqual([])
  })

  it(`holds at most ${MAX} statements on the connection under ${MAX * 5} distinct texts, and still answers evicted ones`, async () => {
    const distinct = (i: number) => sql`select ${sql.raw(String(i))}::int + ${1}::int as n`
    const counts: number[] = []
    await conn.db.transaction(async (tx) => {
      for (let i = 0; i < MAX * 5; i++) {
        expect(await one(tx, distinct(i))).toEqual({ n: i + 1 })
        counts.push(
          (await one<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements`)).n,
        )
      }
      expect(await one(tx, distinct(0))).toEqual({ n: 1 })
    })
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX)
    expect(Math.min(...counts.slice(MAX))).toBe(MAX)
  })

  it('returns exactly what an unnamed statement returns: money, timestamps, json, arrays, nulls', async () => {
    const typed = sql`select ${'1299.50'}::numeric as amount, ${'2026-11-01T10:00:00.123456Z'}::timestamptz as at,
      ${JSON.stringify({ a: [1, 'x'] })}::jsonb as doc, ${'{1,2,3}'}::int[] as list, ${true}::boolean as flag,
      null::text as nothing, ${'2026-02-28'}::date as day, ${'9007199254740993'}::int8 as big`
    const read = async (db: Db | Tx) => ({
      typed: await rows(db, typed),
      deals: await db.select().from(deals).where(sql`${deals.tenantId} = ${a.tenantId}`).orderBy(deals.id),
    })
    // On PGlite only transactions are named: its unnamed twin is the same statement outside one.
    const plain = unnamed === conn ? await read(conn.db) : await unnamed.db.transaction(read)
    expect(await conn.db.transaction(read)).toEqual(plain)
    expect(await conn.db.transaction(read)).toEqual(plain)
    expect(plain.deals.length).toBeGreaterThan(0)
  })

  it("runs a plan prepared under tenant A's binding with tenant B's binding and sees only B's rows", async () => {
    const visible = (tx: Tx) =>
      tx
        .select({ id: deals.id, tenantId: deals.tenantId, assignedUserId: deals.assignedUserId })
        .from(deals)
        .where(sql`${deals.deletedAt} is null and ${deals.name} <> ${'no such name'}`)
    const text = visible(conn.db as unknown as Tx).toSQL().sql
    // A generic plan is built once, under A's binding, and reused for B.
    const generic = sql`select set_config('plan_cache_mode', 'force_generic_plan', true)`
    const asA = await withTenant(
      conn.db,
      { tenantId: a.tenantId, userId: a.admin.id, role: 'admin' },
      async (tx) => {
        await tx.execute(generic)
        for (let i = 0; i < 6; i++) await visible(tx)
        return visible(tx)
      },
    )
    const asB = await withTenant(
      conn.db,
      { tenantId: b.tenantId, userId: b.admin.id, role: 'admin' },
      async (tx) => {
        await tx.execute(generic)
        const seen = await visible(tx)
        const statement = (await prepared(tx)).find((s) => s.statement === text)
        return { seen, generic: statement?.generic ?? 0 }
      },
    )
    const asRepOfB = await withTenant(
      conn.db,
      { tenantId: b.tenantId, userId: b.rep.id, role: 'rep' },
      async (tx) => {
        await tx.execute(generic)
        return visible(tx)
      },
    )
    expect(asA.length).toBeGreaterThan(0)
    expect(asA.every((d) => d.tenantId === a.tenantId)).toBe(true)
    expect(asB.seen.length).toBeGreaterThan(0)
    expect(asB.seen.every((d) => d.tenantId === b.tenantId)).toBe(true)
    expect(asB.generic).toBeGreaterThanOrEqual(8)
    expect(asRepOfB.every((d) => d.tenantId === b.tenantId && d.assignedUserId === b.rep.id)).toBe(true)
  })

  it('recovers when a migration changes what a prepared statement returns (cached plan must not change result type)', async () => {
    const table = `prepared_probe_${process.pid}_${driver.name.replace(/\W/g, '')}`
    const run = (db: Db | Tx) =>
      rows<Record<string, unknown>>(db, sql`select * from ${sql.identifier(table)} where n = ${1}`)
    const alter = (statement: string) =>
      driver.name === 'pglite' ? conn.db.execute(sql.raw(statement)).then(() => {}) : driver.ddl(statement)
    await alter(`create table ${table} (n int)`)
    try {
      await alter(`insert into ${table} values (1)`)
      expect(await conn.db.transaction((tx) => run(tx))).toEqual([{ n: 1 }])
      await alter(`alter table ${table} add column label text default 'added'`)
      let attempts = 0
      const inTx = await conn.db.transaction(async (tx) => {
        attempts++
        return run(tx)
      })
      expect(inTx).toEqual([{ n: 1, label: 'added' }])
      expect(attempts).toBe(2)
      await alter(`alter table ${table} add column more int default 7`)
      // Outside a transaction the statement itself is run again (PGlite names statements in transactions only).
      expect(await run(conn.db)).toEqual([{ n: 1, label: 'added', more: 7 }])
    } finally {
      await alter(`drop table ${table}`)
    }
  })

  it('recovers when the session lost its prepared statements (DEALLOCATE ALL, as a pooler reset does)', async () => {
    const ctx = { tenantId: a.tenantId, userId: a.manager.id, role: 'manager' as const }
    const count = (tx: Tx) =>
      one<{ n: number }>(tx, sql`select count(*)::int as n from deals where name <> ${'x'}`)
    const deallocateAll = () => conn.db.transaction((tx) => tx.execute(sql`deallocate all`))
    const before = await withTenant(conn.db, ctx, count)
    // The tenant binding is the first statement to meet the loss: withTenant runs again, the caller never sees it.
    await deallocateAll()
    expect(await withTenant(conn.db, ctx, count)).toEqual(before)
    await deallocateAll()
    let attempts = 0
    const after = await conn.db.transaction((tx) => {
      attempts++
      return count(tx)
    })
    expect(after.n).toBeGreaterThanOrEqual(before.n)
    expect(attempts).toBe(2)
  })

  it('does not run a transaction again for an ordinary error', async () => {
    let attempts = 0
    const failing = conn.db.transaction(async (tx) => {
      attempts++
      await tx.execute(sql`select 1 / ${0}::int`)
    })
    await expect(failing).rejects.toThrow()
    expect(attempts).toBe(1)
  })
})
