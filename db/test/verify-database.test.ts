// The restore verification (npm run db:verify, the runbook's step 3) passes on a sound database and names
// what is wrong on a damaged one. The damage is done inside a transaction that is rolled back.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client.ts'
import type { Connection } from '../connect.ts'
import { verifyDatabase } from '../verify-database.ts'
import { testDb } from './db.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let world: TenantWorld
beforeAll(async () => {
  conn = await testDb()
  world = await buildTenantWorld(conn.db)
})
afterAll(() => conn.close())

class Rollback extends Error {}

describe('verifyDatabase', () => {
  it('finds nothing wrong with a migrated database holding a tenant, and counts its rows', async () => {
    const report = await verifyDatabase(conn.db)
    expect(report.problems).toEqual([])
    expect(report.counts.deals).toBeGreaterThanOrEqual(1)
    expect(report.migrations).toBeGreaterThan(10)
  })

  it('names a tenant table without forced RLS, a missing append-only guard, a wrong deal total and a lost activity owner', async () => {
    let problems: string[] = []
    await conn.db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table contacts no force row level security`)
        await tx.execute(sql`drop trigger refuse_append_only_change on deal_stage_history`)
        await tx.execute(sql`alter table deals disable trigger user`)
        await tx.execute(
          sql`update deals set line_items_total = line_items_total + 1 where id = ${world.deal.id}`,
        )
        await tx.execute(sql`delete from activity_owners where activity_id = ${world.activity.id}`)
        problems = (await verifyDatabase(tx as unknown as Db)).problems
        throw new Rollback()
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err
      })
    expect(problems).toEqual(
      expect.arrayContaining([
        'contacts: row level security not enabled and forced',
        'deal_stage_history: append-only guard missing',
        expect.stringMatching(/^tenant .+: deal_totals \(1 rows\)$/),
        expect.stringMatching(/^tenant .+: activity_owners \([1-9]\d* rows\)$/),
      ]),
    )
    expect((await verifyDatabase(conn.db)).problems).toEqual([])
  })
})
