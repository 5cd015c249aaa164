// The production driver (Neon's Pool over WebSocket) against the run's real Postgres, through the local
// WebSocket→TCP relay. Skipped on PGlite runs: there is no server for the relay to reach.
import { randomUUID } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ROLE, withTenant } from '../client.ts'
import { type Connection, connect } from '../connect.ts'
import { startWsRelay, type WsRelay } from './ws-relay.ts'

const url = process.env.TEST_DATABASE_URL

describe.skipIf(!url)('Neon driver through the WebSocket relay (Postgres only; skipped on PGlite)', () => {
  let relay: WsRelay
  let conn: Connection
  let admin: pg.Client

  beforeAll(async () => {
    relay = await startWsRelay()
    conn = await connect(url, { neonWsProxy: `127.0.0.1:${relay.port}` })
    admin = new pg.Client({ connectionString: url })
    await admin.connect()
  })
  afterAll(async () => {
    await conn?.close()
    await admin?.end()
    await relay?.close()
  })

  // Db is typed driver-agnostic, so results come back as unknown; every driver here returns `{ rows }`.
  const first = async <T>(result: Promise<unknown>) => ((await result) as { rows: T[] }).rows[0]
  const one = <T>(query: SQL) => first<T>(conn.db.execute(query))

  it('connects with the neon driver', async () => {
    expect(conn.kind).toBe('neon')
    expect(await one<{ one: number }>(sql`select 1 as one`)).toEqual({ one: 1 })
  })

  it('runs an interactive transaction: a local setting holds inside it and is gone after commit', async () => {
    const seen = await conn.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.probe', 'inside', true)`)
      return first(tx.execute(sql`select current_setting('app.probe', true) as probe`))
    })
    expect(seen).toEqual({ probe: 'inside' })
    const after = await one<{ probe: string | null }>(sql`select current_setting('app.probe', true) as probe`)
    expect(after?.probe ?? '').toBe('')
  })

  it('rolls back every statement of a transaction that throws', async () => {
    const table = sql.identifier(`neon_probe_${process.pid}`)
    await conn.db.execute(sql`create table ${table} (n int)`)
    try {
      const aborted = conn.db.transaction(async (tx) => {
        await tx.execute(sql`insert into ${table} values (1)`)
        throw new Error('abort')
      })
      await expect(aborted).rejects.toThrow('abort')
      expect(await one(sql`select count(*)::int as n from ${table}`)).toEqual({ n: 0 })
    } finally {
      await conn.db.execute(sql`drop table ${table}`)
    }
  })

  it(`withTenant binds the tenant settings and runs as ${APP_ROLE} (needs the role from the migrations)`, async () => {
    const tenantId = randomUUID()
    const userId = randomUUID()
    const seen = await withTenant(conn.db, { tenantId, userId, role: 'manager' }, async (tx) => {
      return first(
        tx.execute(sql`select current_user as "user",
        current_setting('app.current_tenant_id') as tenant,
        current_setting('app.current_user_id') as "userId",
        current_setting('app.current_role') as role`),
      )
    })
    expect(seen).toEqual({ user: APP_ROLE, tenant: tenantId, userId, role: 'manager' })
    const after = await one<{ user: string }>(sql`select current_user as "user"`)
    expect(after?.user).not.toBe(APP_ROLE)
  })

  it('survives the server killing a connection mid-transaction and keeps serving', async () => {
    const failed = conn.db.transaction(async (tx) => {
      const own = await first<{ pid: number }>(tx.execute(sql`select pg_backend_pid() as pid`))
      await admin.query('select pg_terminate_backend($1)', [own?.pid])
      await tx.execute(sql`select 1`)
    })
    await expect(failed).rejects.toThrow()
    expect(await one<{ one: number }>(sql`select 1 as one`)).toEqual({ one: 1 })
  })

  it('survives the server killing an idle pooled connection', async () => {
    const before = await one<{ pid: number }>(sql`select pg_backend_pid() as pid`)
    await admin.query('select pg_terminate_backend($1)', [before?.pid])
    await new Promise((resolve) => setTimeout(resolve, 300))
    const again = await one<{ pid: number }>(sql`select pg_backend_pid() as pid`)
    expect(again?.pid).not.toBe(before?.pid)
  })
})
