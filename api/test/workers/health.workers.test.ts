// Smoke test of the Workers entry: the API runs inside workerd (`wrangler dev`) and reaches the local
// Postgres through the WebSocket→TCP relay, exactly as it would reach Neon over WebSocket in production.
import { startWsRelay, type WsRelay } from '@aura/db/test/ws-relay'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWranglerDev, type WranglerDev } from './wrangler-dev.ts'

const base = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined
const APPLICATION = 'aura_workers_smoke'

describe.skipIf(!base?.startsWith('postgres'))(
  'API inside workerd (wrangler dev; needs DATABASE_URL)',
  () => {
    let relay: WsRelay
    let dev: WranglerDev
    let databaseUrl: string

    beforeAll(async () => {
      const url = new URL(base as string)
      url.searchParams.set('application_name', APPLICATION)
      databaseUrl = url.toString()
      relay = await startWsRelay()
      dev = await startWranglerDev({
        ROOT_DOMAIN: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        NEON_WS_PROXY: `127.0.0.1:${relay.port}`,
        LOG_LEVEL: 'warn',
      })
    })
    afterAll(async () => {
      await dev?.stop()
      await relay?.close()
    })

    it('GET /api/v1/health answers 200 with the database up', async () => {
      const res = await fetch(`${dev.origin}/api/v1/health`)
      expect(res.status, dev.output()).toBe(200)
      expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' })
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      // The Workers entry serves the same app, security headers included (ADR 0146).
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    })

    it('serves concurrent requests, each on its own connection', async () => {
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => fetch(`${dev.origin}/api/v1/health`).then((res) => res.status)),
      )
      expect(responses).toEqual(Array(8).fill(200))
    })

    it('closes each request’s pool once the response is sent', async () => {
      const admin = new pg.Client({ connectionString: base })
      await admin.connect()
      try {
        await fetch(`${dev.origin}/api/v1/health`)
        let open = -1
        for (let i = 0; i < 50 && open !== 0; i++) {
          const { rows } = await admin.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where application_name = $1',
            [APPLICATION],
          )
          open = rows[0]?.n ?? -1
          if (open !== 0) await new Promise((resolve) => setTimeout(resolve, 100))
        }
        expect(open).toBe(0)
      } finally {
        await admin.end()
      }
    })

    it('drains the email outbox from the every-minute Cron Trigger', async () => {
      const admin = new pg.Client({ connectionString: base })
      await admin.connect()
      try {
        const { rows } = await admin.query<{ id: string }>(
          `insert into email_outbox (to_address, subject, html, text, template)
           values ('cron-${crypto.randomUUID()}@example.com', 'Hello', '<p>Hi</p>', 'Hi', 'cron-test')
           returning id`,
        )
        const id = rows[0]?.id
        const res = await fetch(`${dev.origin}/__scheduled?cron=${encodeURIComponent('* * * * *')}`)
        expect(res.status, dev.output()).toBe(200)
        let status = ''
        for (let i = 0; i < 50 && status !== 'sent'; i++) {
          const row = await admin.query<{ status: string }>('select status from email_outbox where id = $1', [
            id,
          ])
          status = row.rows[0]?.status ?? ''
          if (status !== 'sent') await new Promise((resolve) => setTimeout(resolve, 100))
        }
        expect(status, dev.output()).toBe('sent')
      } finally {
        await admin.end()
      }
    })

    it('answers an unknown path with problem+json from inside workerd', async () => {
      const res = await fetch(`${dev.origin}/api/v1/nope`)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    })
  },
)
