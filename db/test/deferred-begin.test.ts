// BEGIN travels with the tenant binding on node-postgres (deferred-begin.ts): a tenant transaction costs one
// round trip less, and a BEGIN that fails takes the statement after it down with it. Postgres only (PGlite
// has no wire and runs in-process). The relay counts what the client writes and waits for.
import net from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../client.ts'
import { type Connection, connect } from '../connect.ts'
import { deals } from '../schema/index.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

const url = process.env.TEST_DATABASE_URL

/** A TCP relay to Postgres counting the client's writes that arrive while it waits for nothing else. */
async function countingRelay(target: URL) {
  let writes = 0
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    client.on('data', (chunk) => {
      writes++
      upstream.write(chunk)
    })
    upstream.on('data', (chunk) => client.write(chunk))
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  const via = new URL(target)
  via.host = `127.0.0.1:${port}`
  return {
    url: via.toString(),
    writes: () => writes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe.skipIf(!url)('BEGIN with the binding (node-postgres in pipeline mode)', () => {
  let relay: Awaited<ReturnType<typeof countingRelay>>
  let conn: Connection
  let world: TenantWorld
  beforeAll(async () => {
    relay = await countingRelay(new URL(url as string))
    conn = await connect(relay.url, { max: 1 })
    world = await buildTenantWorld(conn.db)
  })
  afterAll(async () => {
    await conn?.close()
    await relay?.close()
  })

  it('runs a one-statement tenant read in three writes (BEGIN + binding, the read, COMMIT), still bound', async () => {
    const ctx = { tenantId: world.tenantId, userId: world.admin.id, role: 'admin' as const }
    await withTenant(conn.db, ctx, (tx) => tx.select().from(deals).limit(1)) // names the statements
    const before = relay.writes()
    const seen = await withTenant(conn.db, ctx, (tx) =>
      tx.execute(sql`select current_setting('app.current_tenant_id') as tenant, current_user as role`),
    )
    expect(relay.writes() - before).toBe(3)
    expect((seen as unknown as { rows: unknown[] }).rows).toEqual([
      { tenant: world.tenantId, role: 'crm_app' },
    ])
  })

  it('fails the statement after a BEGIN that failed, so the transaction never runs unbegun', async () => {
    const ctx = { tenantId: world.tenantId, userId: world.admin.id, role: 'admin' as const }
    const failing = withTenant(conn.db, ctx, async () => 'ran', { isolationLevel: 'bogus' as never })
    const error = (await failing.catch((e: unknown) => e)) as Error & { cause?: Error }
    // drizzle names the binding statement that carried it; the cause is BEGIN's own error.
    expect(error.message).toMatch(/set_config\('role'/)
    expect(error.cause?.message).toMatch(/syntax error/i)
    // The connection is idle and usable afterwards.
    const rows = await withTenant(conn.db, ctx, (tx) => tx.select({ id: deals.id }).from(deals))
    expect(rows.length).toBeGreaterThan(0)
  })
})
