// The tiny scale on the real database (PGlite, or Postgres with DATABASE_URL): it loads, the same seed
// gives the same rows, the database's invariants hold, its triggers work again afterwards, and RLS still
// isolates the generated tenants.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../../client.ts'
import type { Connection } from '../../connect.ts'
import { deals } from '../../schema/index.ts'
import { testDb } from '../../test/db.ts'
import { rows } from '../../test/helpers.ts'
import { createLineItem } from '../products.ts'
import { fingerprint, type GenerateReport, generateData, verifyTenant } from './index.ts'

let conn: Connection
let report: GenerateReport
let ids: string[]

beforeAll(async () => {
  conn = await testDb()
  report = await generateData(conn.db, { scale: 'tiny', seed: 42, password: null })
  ids = report.tenants.map((t) => t.tenantId)
}, 120_000)
afterAll(async () => {
  await conn.close()
})

const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(conn.db, query))[0] as T

describe('generateData tiny', () => {
  it('loads two tenants of 200 deals with about three lines each, and counts what it wrote', async () => {
    expect(report.tenants.map((t) => [t.slug, t.rows.deals])).toEqual([
      ['gen-tiny-a', 200],
      ['gen-tiny-b', 200],
    ])
    const counted = await one<{ deals: number; lines: number; contacts: number }>(sql`select
      (select count(*)::int from deals where tenant_id = any(${`{${ids}}`}::uuid[])) as deals,
      (select count(*)::int from deal_line_items where tenant_id = any(${`{${ids}}`}::uuid[])) as lines,
      (select count(*)::int from contacts where tenant_id = any(${`{${ids}}`}::uuid[])) as contacts`)
    expect(counted).toEqual({ deals: 400, lines: report.rows.deal_line_items, contacts: 300 })
    expect(counted.lines / counted.deals).toBeGreaterThan(2.5)
    expect(counted.lines / counted.deals).toBeLessThan(3.5)
  })

  it('leaves every deal total equal to the sum of its live line items, and every stage in its process', async () => {
    const broken = await one<{ totals: number; stages: number }>(sql`select
      (select count(*)::int from deals d where d.tenant_id = any(${`{${ids}}`}::uuid[])
        and d.line_items_total <> (select coalesce(sum(l.extended_price), 0) from deal_line_items l
          where l.tenant_id = d.tenant_id and l.deal_id = d.id and l.deleted_at is null)) as totals,
      (select count(*)::int from deals d where d.tenant_id = any(${`{${ids}}`}::uuid[])
        and not exists (select 1 from process_stages s
          where s.tenant_id = d.tenant_id and s.process_id = d.process_id and s.id = d.stage_id)) as stages`)
    expect(broken).toEqual({ totals: 0, stages: 0 })
    for (const id of ids) expect(await verifyTenant(conn.db, id)).toEqual({})
  })

  it('varies what search and filters look at: phones, stages, amounts', async () => {
    const spread = await one<{ phones: number; stages: number; amounts: number; closed: number }>(sql`select
      (select count(distinct right(phone, 4))::int from contacts where tenant_id = ${ids[0]}) as phones,
      (select count(distinct stage_id)::int from deals where tenant_id = ${ids[0]}) as stages,
      (select count(distinct amount)::int from deals where tenant_id = ${ids[0]}) as amounts,
      (select count(*)::int from deals where tenant_id = ${ids[0]} and status <> 'open') as closed`)
    expect(spread.phones).toBeGreaterThan(100)
    expect(spread.stages).toBeGreaterThan(6)
    expect(spread.amounts).toBeGreaterThan(150)
    expect(spread.closed).toBeGreaterThan(20)
  })

  it('refuses to load over existing tenants unless asked to reset', async () => {
    await expect(generateData(conn.db, { scale: 'tiny', seed: 42 })).rejects.toThrow(/already exist/)
  })

  it('gives identical rows for the same seed when built again', async () => {
    const before = await fingerprint(conn.db, ids)
    const again = await generateData(conn.db, { scale: 'tiny', seed: 42, reset: true, password: null })
    expect(again.tenants.map((t) => t.tenantId)).toEqual(ids)
    expect(await fingerprint(conn.db, ids)).toEqual(before)
  }, 120_000)

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'gives identical rows in a second fresh database',
    async () => {
      const other = await testDb()
      try {
        await generateData(other.db, { scale: 'tiny', seed: 42, password: null, indexes: 'rebuild' })
        expect(await fingerprint(other.db, ids)).toEqual(await fingerprint(conn.db, ids))
      } finally {
        await other.close()
      }
    },
    120_000,
  )

  it('leaves the total triggers on: a new line item updates its generated deal', async () => {
    const tenantId = ids[0] ?? ''
    const deal = await one<{ id: string; total: string }>(
      sql`select id, line_items_total as total from deals where tenant_id = ${tenantId} and deleted_at is null
        order by id limit 1`,
    )
    const product = await one<{ id: string }>(
      sql`select id from products where tenant_id = ${tenantId} and is_active order by id limit 1`,
    )
    await createLineItem(conn.db, { tenantId, dealId: deal.id, productId: product.id, unitPrice: '10.01' })
    // The database does the arithmetic, exactly: the new total is the old one plus 1 × 10.01.
    const after = await one<{ grew: string }>(
      sql`select (line_items_total - ${deal.total}::numeric)::text as grew from deals where id = ${deal.id}`,
    )
    expect(after.grew).toBe('10.01')
  })

  it('keeps the generated tenants isolated under RLS', async () => {
    const [a, b] = report.tenants
    if (!a || !b) throw new Error('two tenants expected')
    const seen = await withTenant(conn.db, { tenantId: a.tenantId, role: 'admin' }, (tx) =>
      tx.select({ tenantId: deals.tenantId }).from(deals),
    )
    expect(seen).toHaveLength(200)
    expect(seen.every((d) => d.tenantId === a.tenantId)).toBe(true)
    const leaked = await withTenant(conn.db, { tenantId: a.tenantId, role: 'admin' }, (tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from deals where tenant_id = ${b.tenantId}`),
    )
    expect(leaked[0]?.n).toBe(0)
  })
})
