import { schema } from '@aura/db'
import { eq } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { call, send, ZDeal } from '../../../test/deal-fixtures.ts'
import { it } from '../../../test/fixtures.ts'

describe("a deal's currency", () => {
  it.beforeAll(async ({ api, ws }) => {
    await api.db.update(schema.tenants).set({ currency: 'EUR' }).where(eq(schema.tenants.id, ws.tenant.id))
  })

  it("is the workspace's, whatever the column default says", async ({ ws }) => {
    const created = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', { name: 'Euro deal', amount: '1200.00' }),
      ZDeal,
    )
    expect(created.status).toBe(201)
    expect(created.body.currency).toBe('EUR')
  })
})
