// Idempotency-Key behaviour, once for the shared middleware (ADR 0130), on organizations and deals as the
// creating routes; idempotency-coverage.test.ts proves every creating POST goes through the same middleware.
import { schema, withPlatform, withTenant } from '@aura/db'
import { and, count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../test/harness.ts'
import { createWorkspace, type Member } from '../../test/workspace.ts'
import { purgeExpiredKeys } from '../services/idempotency/idempotency-keys.ts'

type Api = Awaited<ReturnType<typeof createTestApi>>
type Workspace = Awaited<ReturnType<typeof createWorkspace>>

describe('Idempotency-Key on creating POSTs', () => {
  let api: Api
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const post = (w: Workspace, who: Member, path: string, body: unknown, key?: string) =>
    w.as(who, path, jsonBody(body, key === undefined ? {} : { 'Idempotency-Key': key }))

  const organizationsNamed = async (w: Workspace, name: string) => {
    const [row] = await withTenant(api.db, { tenantId: w.tenant.id, role: 'admin' }, (tx) =>
      tx
        .select({ n: count() })
        .from(schema.organizations)
        .where(and(eq(schema.organizations.tenantId, w.tenant.id), eq(schema.organizations.name, name))),
    )
    return row?.n ?? 0
  }

  const keysOf = async (w: Workspace, key: string) => {
    const [row] = await withPlatform(api.db, 'maintenance', (tx) =>
      tx
        .select({ n: count() })
        .from(schema.idempotencyKeys)
        .where(and(eq(schema.idempotencyKeys.tenantId, w.tenant.id), eq(schema.idempotencyKeys.key, key))),
    )
    return row?.n ?? 0
  }

  it('replays the first answer for the same key and body: same status and id, nothing created again', async () => {
    const key = crypto.randomUUID()
    const first = await post(ws, ws.rep, '/organizations', { name: 'Replay Co' }, key)
    expect(first.status).toBe(201)
    expect(first.headers.get('idempotency-replayed')).toBeNull()
    const created = await first.json()

    const again = await post(ws, ws.rep, '/organizations', { name: 'Replay Co' }, key)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotency-replayed')).toBe('true')
    expect(again.headers.get('content-type')).toContain('application/json')
    expect(await again.json()).toEqual(created)
    expect(await organizationsNamed(ws, 'Replay Co')).toBe(1)
    expect(await keysOf(ws, key)).toBe(1)
  })

  it('refuses the same key with another body: 422 naming the header, nothing created', async () => {
    const key = crypto.randomUUID()
    expect((await post(ws, ws.rep, '/organizations', { name: 'Body One' }, key)).status).toBe(201)
    const res = await post(ws, ws.rep, '/organizations', { name: 'Body Two' }, key)
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = await res.json()
    expect(problem.code).toBe('idempotency_key_reused')
    expect(problem.errors[0].field).toBe('Idempotency-Key')
    expect(await organizationsNamed(ws, 'Body Two')).toBe(0)
    // The same body to another creating path is another request too.
    expect((await post(ws, ws.rep, '/contacts', { name: 'Body One' }, key)).status).toBe(422)
  })

  it('keeps keys per user and per workspace: the same key elsewhere creates anew and leaks nothing', async () => {
    const key = crypto.randomUUID()
    const mine = await (await post(ws, ws.rep, '/organizations', { name: 'Shared Key' }, key)).json()
    const colleague = await post(ws, ws.manager, '/organizations', { name: 'Shared Key' }, key)
    expect(colleague.status).toBe(201)
    expect(colleague.headers.get('idempotency-replayed')).toBeNull()
    expect((await colleague.json()).id).not.toBe(mine.id)
    const elsewhere = await post(other, other.rep, '/organizations', { name: 'Shared Key' }, key)
    expect(elsewhere.status).toBe(201)
    expect(elsewhere.headers.get('idempotency-replayed')).toBeNull()
    expect((await elsewhere.json()).id).not.toBe(mine.id)
    expect(await organizationsNamed(ws, 'Shared Key')).toBe(2)
    expect(await organizationsNamed(other, 'Shared Key')).toBe(1)
  })

  it('refuses a key that is empty, too long or not printable ASCII with 400 naming the header', async () => {
    for (const key of ['', 'k'.repeat(256), 'naïve']) {
      const res = await post(ws, ws.rep, '/organizations', { name: 'Bad Key' }, key)
      expect(res.status, JSON.stringify(key)).toBe(400)
      const problem = await res.json()
      expect(problem.code).toBe('validation_failed')
      expect(problem.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }])
    }
    expect((await post(ws, ws.rep, '/organizations', { name: 'Long Key' }, 'k'.repeat(255))).status).toBe(201)
    expect(await organizationsNamed(ws, 'Bad Key')).toBe(0)
  })

  it('does not store a refused create: the client fixes the body and retries with the same key', async () => {
    const key = crypto.randomUUID()
    const refused = await post(ws, ws.rep, '/deals', { name: '' }, key)
    expect(refused.status).toBe(400)
    expect(await keysOf(ws, key)).toBe(0)
    const fixed = await post(ws, ws.rep, '/deals', { name: 'Fixed Deal' }, key)
    expect(fixed.status).toBe(201)
    expect(fixed.headers.get('idempotency-replayed')).toBeNull()
    expect(await keysOf(ws, key)).toBe(1)
  })

  it('creates exactly once when two requests with the same key arrive together', async () => {
    const key = crypto.randomUUID()
    const answers = await Promise.all(
      [1, 2, 3].map(() => post(ws, ws.rep, '/organizations', { name: 'Racing Co' }, key)),
    )
    const statuses = answers.map((r) => r.status)
    // The later ones waited on the key's primary key, then replayed (a 409 only past the lock limit, 2 s).
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true)
    const ids = new Set(
      await Promise.all(answers.filter((r) => r.status === 201).map(async (r) => (await r.json()).id)),
    )
    expect(ids.size).toBe(1)
    expect(answers.filter((r) => r.headers.get('idempotency-replayed') === null).length).toBe(1)
    expect(await organizationsNamed(ws, 'Racing Co')).toBe(1)
  })

  it('answers a retry after a lost response (committed, never seen by the client) with the original', async () => {
    const key = crypto.randomUUID()
    // The first answer is dropped unread, as when the connection resets after the commit.
    const lost = await post(ws, ws.rep, '/deals', { name: 'Lost Answer Deal' }, key)
    expect(lost.status).toBe(201)
    const retry = await post(ws, ws.rep, '/deals', { name: 'Lost Answer Deal' }, key)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotency-replayed')).toBe('true')
    const deal = await retry.json()
    expect(deal.name).toBe('Lost Answer Deal')
    expect(await (await ws.as(ws.rep, `/deals/${deal.id}`)).json()).toMatchObject({ id: deal.id })
    const [row] = await withTenant(api.db, { tenantId: ws.tenant.id, role: 'admin' }, (tx) =>
      tx.select({ n: count() }).from(schema.deals).where(eq(schema.deals.name, 'Lost Answer Deal')),
    )
    expect(row?.n).toBe(1)
  })

  it('ignores keys older than 24 h and the scheduled purge deletes them', async () => {
    const key = crypto.randomUUID()
    expect((await post(ws, ws.rep, '/organizations', { name: 'Old Key Co' }, key)).status).toBe(201)
    const age = () =>
      api.db.execute(sql`update idempotency_keys set created_at = created_at - interval '25 hours'
        where tenant_id = ${ws.tenant.id}::uuid and key = ${key}`)
    await age()
    const after = await post(ws, ws.rep, '/organizations', { name: 'Old Key Co' }, key)
    expect(after.status).toBe(201)
    expect(after.headers.get('idempotency-replayed')).toBeNull()
    expect(await organizationsNamed(ws, 'Old Key Co')).toBe(2)

    await age()
    const fresh = crypto.randomUUID()
    expect((await post(ws, ws.rep, '/organizations', { name: 'Fresh Key Co' }, fresh)).status).toBe(201)
    await withPlatform(api.db, 'maintenance', (tx) => purgeExpiredKeys(tx))
    expect(await keysOf(ws, key)).toBe(0)
    expect(await keysOf(ws, fresh)).toBe(1)
  })

  it('changes nothing without the header', async () => {
    await post(ws, ws.rep, '/organizations', { name: 'No Key Co' })
    await post(ws, ws.rep, '/organizations', { name: 'No Key Co' })
    expect(await organizationsNamed(ws, 'No Key Co')).toBe(2)
  })
})
