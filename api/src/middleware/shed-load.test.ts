// Overload: while the gauge reads overloaded, every API request is a 503 problem with Retry-After and never
// reaches the database; once it clears, requests are served again.
import { testDb } from '@aura/db/test/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { parseConfig } from '../config.ts'
import { createLogger } from '../lib/logger.ts'
import { inFlightGauge } from './shed-load.ts'

const gauge = inFlightGauge(2)
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
  it('answers 503 + Retry-After beyond the requests in flight allowed, and serves again once they leave', async () => {
    // Two requests hold both places (as if slow), the third is refused at once.
    expect(gauge.tryEnter() && gauge.tryEnter()).toBe(true)
    const refused = await app.request('http://aura.test/api/v1/health')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBe('1')
    expect((await refused.json()) as { code: string }).toMatchObject({ code: 'unavailable' })
    gauge.leave()
    expect((await app.request('http://aura.test/api/v1/health')).status).toBe(200)
    expect(gauge.inFlight).toBe(1)
    gauge.leave()
  })
})
