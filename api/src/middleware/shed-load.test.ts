// Overload: while the gauge reads overloaded, every API request is a 503 problem with Retry-After and never
// reaches the database; once it clears, requests are served again.
import { testDb } from '@aura/db/test/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { parseConfig } from '../config.ts'
import { createLogger } from '../lib/logger.ts'
import { admissionGauge } from './shed-load.ts'

const gauge = admissionGauge({ maxInFlight: 2, maxQueue: 1, maxWaitMs: 50 })
let conn: Awaited<ReturnType<typeof testDb>>
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  conn = await testDb()
  const config = parseConfig({ NODE_ENV: 'test', ROOT_DOMAIN: 'aura.test' })
  app = createApp({
    db: conn.db,
    config,
    logger: createLogger('error', {}, () => {}),
    load: gauge,
  })
})
afterAll(async () => {
  await conn.close()
})

describe('shedLoad', () => {
  it('queues a request beyond the limit, admits it when a place frees, refuses with 503 + Retry-After after the wait or when the queue is full', async () => {
    // Two requests hold both places (as if slow).
    expect(await gauge.enter()).toBe(true)
    expect(await gauge.enter()).toBe(true)
    // The third waits, then is refused after maxWaitMs.
    const refused = await app.request('http://aura.test/api/v1/health')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBe('1')
    expect((await refused.json()) as { code: string }).toMatchObject({ code: 'unavailable' })
    expect(gauge.queued).toBe(0)
    // A waiting request runs as soon as a place frees; a second waiter finds the queue (1) full.
    const waiting = app.request('http://aura.test/api/v1/health')
    expect((await app.request('http://aura.test/api/v1/health')).status).toBe(503)
    gauge.leave()
    expect((await waiting).status).toBe(200)
    expect(gauge.inFlight).toBe(1)
    gauge.leave()
    expect((await app.request('http://aura.test/api/v1/health')).status).toBe(200)
    expect(gauge.inFlight).toBe(0)
  })

  it("passes a page's in-process API calls while the gauge is full: the page was admitted as a whole", async () => {
    expect(await gauge.enter()).toBe(true)
    expect(await gauge.enter()).toBe(true)
    const page = { aura: { clientIp: null, countsTowardUserLimit: false, admitted: true } }
    expect((await app.request('http://aura.test/api/v1/health', {}, page)).status).toBe(200)
    // The same request from outside waits and is refused.
    expect((await app.request('http://aura.test/api/v1/health')).status).toBe(503)
    gauge.leave()
    gauge.leave()
    expect(gauge.inFlight).toBe(0)
  })
})
