import { schema } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'
import { call, send } from './deal-fixtures.ts'

describe("a deal's currency", () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    await api.db.update(schema.tenants).set({ currency: 'EUR' }).where(eq(schema.tenants.id, ws.tenant.id))
  })
  afterAll(() => api.close())

  it("is the workspace's, whatever the column default says", async () => {
    const created = await call(ws, ws.rep, '/deals', send('POST', { name: 'Euro deal', amount: '1200.00' }))
    expect(created.status).toBe(201)
    expect(created.body.currency).toBe('EUR')
  })
})
