// Booting with the database down: the server answers 503 + Retry-After meanwhile (startingResponse),
// and bootApi keeps retrying with backoff, logging once, until the database answers; then it migrates,
// seeds and serves. Postgres here is a throwaway cluster of the test's own, started late on purpose.
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../api/src/lib/logger.ts'
import { throwawayPostgres, throwawayPostgresAvailable } from '../../api/test/faults/throwaway-postgres.ts'
import { bootApi } from './boot.ts'
import { startingResponse } from './starting.ts'

describe('before the API has booted', () => {
  it('answers the API with a 503 problem and Retry-After, and people with a page that reloads', async () => {
    const api = startingResponse(new Request('http://demo.localhost:3000/api/v1/deals'))
    expect(api.status).toBe(503)
    expect(api.headers.get('retry-after')).toBe('5')
    expect(await api.json()).toMatchObject({ status: 503, code: 'database_unavailable' })
    const page = startingResponse(new Request('http://demo.localhost:3000/deals'))
    expect(page.status).toBe(503)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('http-equiv="refresh"')
  })
})

describe.runIf(process.env.DATABASE_URL?.startsWith('postgres') && throwawayPostgresAvailable())(
  'booting while Postgres is down',
  { timeout: 180_000 },
  () => {
    const port = 17_000 + (process.pid % 2000)
    const cluster = throwawayPostgres(port)
    afterAll(() => cluster.remove())

    it('retries with backoff until the database is back, then boots', async () => {
      cluster.kill()
      const lines: string[] = []
      const logger = createLogger('info', {}, (l) => lines.push(l))
      const booting = bootApi({ DATABASE_URL: cluster.url, SEED_DEMO: '0' }, { logger })
      await expect.poll(() => lines.some((l) => l.includes('database unavailable at boot'))).toBe(true)
      // Still waiting, not failed, a few seconds later.
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      expect(lines.filter((l) => l.includes('database unavailable at boot'))).toHaveLength(1)
      cluster.start()
      const api = await booting
      const res = await api.app.request('http://localhost/api/v1/health')
      expect(res.status).toBe(200)
      await api.close()
    })
  },
)
