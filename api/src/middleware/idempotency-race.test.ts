// A duplicate arriving while the first request's transaction is still open (ADR 0130), made deterministic:
// the test holds an uncommitted claim itself. Postgres only: PGlite has one connection, so a second
// transaction cannot start while the test holds one (there duplicates are serialised instead).
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../test/harness.ts'
import { createWorkspace } from '../../test/workspace.ts'

type Api = Awaited<ReturnType<typeof createTestApi>>

const hex = (buf: ArrayBuffer) =>
  [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')
const fingerprint = async (path: string, body: string) =>
  hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`POST /api/v1${path}\n${body}`)))

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'Idempotency-Key while the first request is in flight',
  () => {
    let api: Api
    let ws: Awaited<ReturnType<typeof createWorkspace>>
    beforeAll(async () => {
      api = await createTestApi()
      ws = await createWorkspace(api)
    })
    afterAll(() => api.close())

    const send = (key: string, body: object) =>
      ws.as(ws.rep, '/organizations', jsonBody(body, { 'Idempotency-Key': key }))

    /** Holds a claim on `key` uncommitted while `during` runs, then answers it and commits. */
    const holdClaim = (key: string, hash: string, during: () => Promise<void>) =>
      api.db.transaction(async (tx) => {
        await tx.execute(sql`insert into idempotency_keys (tenant_id, user_id, key, request_hash)
        values (${ws.tenant.id}::uuid, (select id from users where email = ${ws.rep.email}), ${key}, ${hash})`)
        await during()
        await tx.execute(sql`update idempotency_keys set status = 201, response_body = '{"id":"first"}',
        content_type = 'application/json' where key = ${key}`)
      })

    it('waits for the first to commit, then replays its answer', async () => {
      const key = crypto.randomUUID()
      const body = { name: 'In Flight Co' }
      let second: Promise<Response> | undefined
      await holdClaim(key, await fingerprint('/organizations', JSON.stringify(body)), async () => {
        second = Promise.resolve(send(key, body))
        await new Promise((r) => setTimeout(r, 500))
      })
      const res = await (second as Promise<Response>)
      expect(res.status).toBe(201)
      expect(res.headers.get('idempotency-replayed')).toBe('true')
      expect(await res.json()).toEqual({ id: 'first' })
    })

    it('answers 409 idempotency_in_progress with Retry-After when the first takes longer than the wait', async () => {
      const key = crypto.randomUUID()
      const seen: Response[] = []
      await holdClaim(key, 'another request', async () => {
        seen.push(await send(key, { name: 'Slow Co' }))
      })
      const [second] = seen
      if (!second) throw new Error('the second request did not answer')
      expect(second.status).toBe(409)
      expect(second.headers.get('retry-after')).toBe('1')
      expect((await second.json()).code).toBe('idempotency_in_progress')
    }, 20_000)
  },
)
