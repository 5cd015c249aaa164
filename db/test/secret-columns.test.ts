// Issue 11: crm_app could read users.password_hash (and api_tokens.token_hash) inside its tenant. No
// endpoint returned them, but one careless `select *` would have. Column grants now make it impossible,
// while every other column stays readable (ADR 0148).
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { testDb } from './db.ts'
import { INSUFFICIENT_PRIVILEGE, outcome, rows } from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let world: TenantWorld

beforeAll(async () => {
  conn = await testDb()
  world = await buildTenantWorld(conn.db)
})
afterAll(() => conn.close())

const asAdmin = <T>(fn: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>) =>
  withTenant(conn.db, { tenantId: world.tenantId, userId: world.admin.id, role: 'admin' }, fn)

describe('crm_app and secrets', () => {
  it.each([
    ['users', 'password_hash'],
    ['api_tokens', 'token_hash'],
  ])('cannot select %s.%s, alone or through *', async (table, column) => {
    expect(await outcome(() => asAdmin((tx) => tx.execute(sql.raw(`select ${column} from ${table}`))))).toBe(
      INSUFFICIENT_PRIVILEGE,
    )
    expect(await outcome(() => asAdmin((tx) => tx.execute(sql.raw(`select * from ${table}`))))).toBe(
      INSUFFICIENT_PRIVILEGE,
    )
    // Nor filter on it (a WHERE is a read too): no guessing a hash by comparison.
    expect(
      await outcome(() =>
        asAdmin((tx) => tx.execute(sql.raw(`select 1 from ${table} where ${column} = 'x'`))),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('cannot set a password hash either', async () => {
    expect(
      await outcome(() =>
        asAdmin((tx) => tx.execute(sql`update users set password_hash = 'x' where id = ${world.admin.id}`)),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('still reads every other column of users and api_tokens', async () => {
    const readable = await rows<{ table_name: string; column_name: string }>(
      conn.db,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and table_name in ('users', 'api_tokens')
            and column_name not in ('password_hash', 'token_hash')`,
    )
    for (const { table_name, column_name } of readable) {
      const got = await outcome(() =>
        asAdmin((tx) => tx.execute(sql.raw(`select "${column_name}" from "${table_name}" limit 1`))),
      )
      expect(got, `${table_name}.${column_name}`).toBe('ok')
    }
  })
})
