// The setup of a database test file that works in one tenant world (world.ts): its test database and the
// world built before the file's tests, the connection closed after them, and `as(userId, role, fn)`, a
// tenant transaction bound as that member. Read `suite.w` and `suite.db` inside tests (set by beforeAll).
import { afterAll, beforeAll } from 'vitest'
import { type Db, type Role, withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { testDb } from './db.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

export function tenantWorldSuite() {
  let conn: Connection | undefined
  let world: TenantWorld | undefined
  beforeAll(async () => {
    conn = await testDb()
    world = await buildTenantWorld(conn.db)
  })
  afterAll(async () => {
    await conn?.close()
  })
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('tenantWorldSuite: read before beforeAll ran')
    return value
  }
  return {
    get w(): TenantWorld {
      return ready(world)
    },
    get db(): Db {
      return ready(conn).db
    },
    as<T>(userId: string, role: Role, fn: Parameters<typeof withTenant<T>>[2]) {
      return withTenant(ready(conn).db, { tenantId: ready(world).tenantId, userId, role }, fn)
    },
  }
}
