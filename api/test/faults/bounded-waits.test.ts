// Bounded waits (issue 9, ADR 0094): with the deals table locked by someone else, a request that needs it
// gets a 503 `timeout` with Retry-After once its lock wait (or, with no lock limit, its statement) runs out,
// instead of hanging for as long as the lock is held; its connection goes back to the pool, so pages that
// do not touch deals keep answering; and when every pooled connection is taken, a request waits for one
// only as long as the acquire limit, then gets a 503 `database_unavailable`. Postgres only: PGlite runs one
// statement at a time in-process (no other session can hold a lock, no timer cancels a statement).
import { connect } from '@aura/db/connect'
import type { DatabaseLimits } from '@aura/db/limits'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApi } from '../harness.ts'
import { createWorkspace } from '../workspace.ts'

const url = process.env.TEST_DATABASE_URL

type Api = Awaited<ReturnType<typeof createTestApi>>
const opened: { close(): Promise<void> }[] = []

afterEach(async () => {
  for (const c of opened.splice(0)) await c.close()
})

/** An API whose pool has `max` connections and the given limits, and a workspace on it. */
async function apiWith(max: number, limits: Partial<DatabaseLimits>) {
  const conn = await connect(url, { max, limits })
  const api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '10000' }, conn)
  opened.push(api)
  return { api, ws: await createWorkspace(api) }
}

/** Holds an exclusive lock on `table` from another session until release() (as a migration or a bulk job could). */
async function lockTable(table: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('begin')
  await client.query(`lock table ${table} in access exclusive mode`)
  const lock = {
    close: async () => {
      await client.query('rollback').catch(() => {})
      await client.end()
    },
  }
  opened.push(lock)
  return lock
}

async function expectProblem(res: Response, code: string) {
  expect(res.status).toBe(503)
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect(await res.json()).toMatchObject({ status: 503, code })
}

const unhandled = (api: Api) => api.logLines.filter((l) => l.includes('unhandled error')).length

describe.runIf(url)('bounded waits on Postgres', { timeout: 60_000 }, () => {
  it('a lock wait past the lock limit is a 503 timeout, and pages without that table keep answering', async () => {
    const { api, ws } = await apiWith(3, { lockTimeoutMs: 300, statementTimeoutMs: 5_000 })
    expect((await ws.as(ws.manager, '/deals')).status).toBe(200)
    await lockTable('deals')
    // More requests for the locked table than the pool has connections: each gives its connection back.
    const blocked = await Promise.all(Array.from({ length: 6 }, () => ws.as(ws.manager, '/deals')))
    for (const res of blocked) await expectProblem(res, 'timeout')
    expect((await ws.as(ws.manager, '/organizations')).status).toBe(200)
    expect((await ws.as(ws.rep, '/contacts')).status).toBe(200)
    expect(unhandled(api)).toBe(0)
  })

  it('with no lock limit, the statement limit ends the wait: a 503 timeout', async () => {
    const { api, ws } = await apiWith(3, { lockTimeoutMs: 0, statementTimeoutMs: 400 })
    await lockTable('deals')
    await expectProblem(await ws.as(ws.manager, '/deals'), 'timeout')
    expect((await ws.as(ws.manager, '/organizations')).status).toBe(200)
    expect(unhandled(api)).toBe(0)
  })

  it('a full pool makes a request wait only the acquire limit, then a 503 database_unavailable', async () => {
    // Two connections, both held by requests waiting on the lock for up to 3 s.
    const { api, ws } = await apiWith(2, {
      lockTimeoutMs: 3_000,
      statementTimeoutMs: 5_000,
      acquireTimeoutMs: 200,
    })
    const lock = await lockTable('deals')
    const holders = [ws.as(ws.manager, '/deals'), ws.as(ws.admin, '/deals')]
    await new Promise((r) => setTimeout(r, 300))
    await expectProblem(await ws.as(ws.rep, '/organizations'), 'database_unavailable')
    await lock.close()
    for (const res of await Promise.all(holders)) expect(res.status).toBe(200)
    expect((await ws.as(ws.rep, '/organizations')).status).toBe(200)
    expect(unhandled(api)).toBe(0)
  })

  it('maintenance is not cut short, and the limits end with the transaction', async () => {
    const conn = await connect(url, { max: 1, limits: { statementTimeoutMs: 100 } })
    opened.push(conn)
    const { withPlatform, withTenant } = await import('@aura/db')
    const { sql } = await import('drizzle-orm')
    const show = async (tx: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }) =>
      ((await tx.execute(sql`select current_setting('statement_timeout') as t`)) as { rows: { t: string }[] })
        .rows[0]?.t
    const tenantId = '00000000-0000-4000-8000-000000000000'
    expect(await withTenant(conn.db, { tenantId }, show)).toBe('100ms')
    expect(await withPlatform(conn.db, 'maintenance', show)).toBe('0')
    await withPlatform(conn.db, 'maintenance', (tx) => tx.execute(sql`select pg_sleep(0.3)`))
    // The one pooled connection, outside any transaction: the server's default again.
    expect(await show(conn.db)).toBe('0')
  })
})
