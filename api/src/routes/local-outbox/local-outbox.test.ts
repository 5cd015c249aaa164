import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createApp } from '../../app.ts'
import { parseConfig } from '../../config.ts'
import { createLogger } from '../../lib/logger.ts'

describe('the local-mode outbox listing', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  beforeAll(async () => {
    api = await createTestApi()
  })
  afterAll(() => api.close())

  it('lists the newest emails on the root domain when no Resend key is configured', async () => {
    const email = `outbox-${crypto.randomUUID()}@example.com`
    await api.request(
      'root',
      '/auth/signup',
      jsonBody({ email, password: 'a long enough passphrase', name: 'O' }),
    )
    const res = await api.request('root', '/platform/outbox')
    expect(res.status).toBe(200)
    const { data } = await res.json()
    const mine = data.find((m: { to: string }) => m.to === email)
    expect(mine).toMatchObject({ subject: 'Confirm your email for Aura CRM', template: 'verify-email' })
    expect(mine.text).toMatch(/verify-email\?token=/)
    expect(new Date(mine.createdAt).toString()).not.toBe('Invalid Date')
  })

  it('is a 404 once a Resend key is configured', async () => {
    const config = parseConfig({ NODE_ENV: 'test', ROOT_DOMAIN: 'aura.test', RESEND_API_KEY: 're_live' })
    const app = createApp({ db: api.db, config, logger: createLogger('error', {}, () => {}) })
    expect((await app.request('http://aura.test/api/v1/platform/outbox')).status).toBe(404)
  })

  it('is a 404 in production on a real domain even when the key is missing', async () => {
    const config = parseConfig({ NODE_ENV: 'production', ROOT_DOMAIN: 'aura.example' })
    const app = createApp({ db: api.db, config, logger: createLogger('error', {}, () => {}) })
    expect((await app.request('http://aura.example/api/v1/platform/outbox')).status).toBe(404)
  })
})
