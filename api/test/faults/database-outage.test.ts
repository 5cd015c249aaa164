// Database trouble is a 503 the client can retry, never a raw 500: with the database gone (a Postgres of
// this test's own, killed like a crash; or the embedded PGlite closed) every host answers 503 problem+json
// with `database_unavailable` and Retry-After (health: `degraded`, on the workspace host too); the log says
// "down" once and "available again" once, not a line per request; and requests succeed again when the
// database is back.
import { connect } from '@aura/db/connect'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../harness.ts'
import { createWorkspace } from '../workspace.ts'
import { throwawayPostgres, throwawayPostgresAvailable } from './throwaway-postgres.ts'

type Api = Awaited<ReturnType<typeof createTestApi>>

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503)
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect(await res.json()).toMatchObject({ status: 503, code: 'database_unavailable' })
}

const linesWith = (api: Api, text: string) => api.logLines.filter((l) => l.includes(text)).length

/** The requests a user would be making while the database is away. */
async function duringOutage(api: Api, ws: Awaited<ReturnType<typeof createWorkspace>>) {
  // Health answers for itself on both hosts (the workspace is known from the tenant cache, ADR 0110).
  for (const host of ['root', ws.slug]) {
    const health = await api.request(host, '/health')
    expect(health.status).toBe(503)
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'down' })
  }
  for (let i = 0; i < 5; i++) await expectUnavailable(await ws.as(ws.manager, '/deals'))
  await expectUnavailable(
    await ws.as(ws.rep, '/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Written during the outage' }),
    }),
  )
  expect(linesWith(api, 'database unavailable')).toBe(1)
  expect(linesWith(api, 'unhandled error')).toBe(0)
}

describe.runIf(process.env.TEST_DATABASE_URL && throwawayPostgresAvailable())(
  'Postgres killed and restarted under the API',
  { timeout: 120_000 },
  () => {
    const cluster = throwawayPostgres(15_000 + (process.pid % 2000))
    let api: Api | undefined
    afterAll(async () => {
      await api?.close()
      cluster.remove()
    })

    it('answers 503 + Retry-After while it is down, logs two lines, and recovers when it returns', async () => {
      const conn = await connect(cluster.url, { max: 4 })
      await conn.migrate()
      api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '10000' }, conn)
      const ws = await createWorkspace(api)
      expect((await ws.as(ws.manager, '/deals')).status).toBe(200)

      cluster.kill()
      await duringOutage(api, ws)

      cluster.start()
      const back = performance.now()
      let res = await ws.as(ws.manager, '/deals')
      // The pool drops the connections the crash cut; the first request or two may still meet one.
      for (let i = 0; i < 20 && res.status !== 200; i++) res = await ws.as(ws.manager, '/deals')
      expect(res.status).toBe(200)
      expect(linesWith(api, 'database available again')).toBe(1)
      api.logLines.push(`recovered in ${Math.round(performance.now() - back)} ms`)
      const orgs = (await (await ws.as(ws.admin, '/organizations')).json()) as { data: { name: string }[] }
      expect(orgs.data.map((o) => o.name)).not.toContain('Written during the outage')
    })
  },
)

describe.runIf(!process.env.TEST_DATABASE_URL)('the embedded database closed under the API', () => {
  it('answers 503 + Retry-After on every host and logs it once', async () => {
    const api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '10000' })
    const ws = await createWorkspace(api)
    expect((await ws.as(ws.manager, '/deals')).status).toBe(200)
    await api.conn.close()
    await duringOutage(api, ws)
  })
})
