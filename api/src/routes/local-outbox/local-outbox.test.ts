import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createApp } from '../../app.ts'
import { parseConfig } from '../../config.ts'
import { createLogger } from '../../lib/logger.ts'

describe('the local-mode outbox listing', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  beforeAll(async () => {
    api = await createTestApi({ LOCAL_OUTBOX: '1' })
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
    const config = parseConfig({
      NODE_ENV: 'test',
      ROOT_DOMAIN: 'aura.test',
      RESEND_API_KEY: 're_live',
      LOCAL_OUTBOX: '1',
    })
    const app = createApp({ db: api.db, config, logger: createLogger('error', {}, () => {}) })
    expect((await app.request('http://aura.test/api/v1/platform/outbox')).status).toBe(404)
  })

  const outboxStatus = async (env: Record<string, string>, root = 'aura.test') => {
    const config = parseConfig({ NODE_ENV: 'test', ROOT_DOMAIN: root, ...env })
    const app = createApp({ db: api.db, config, logger: createLogger('error', {}, () => {}) })
    return (await app.request(`http://${root}/api/v1/platform/outbox`)).status
  }

  it('is a 404 unless explicitly enabled', async () => {
    expect(await outboxStatus({})).toBe(404)
    expect(await outboxStatus({ LOCAL_OUTBOX: '0' })).toBe(404)
  })

  it('is a 404 with NODE_ENV=production even when enabled, on localhost too', async () => {
    expect(await outboxStatus({ NODE_ENV: 'production', LOCAL_OUTBOX: '1' }, 'aura.example')).toBe(404)
    expect(await outboxStatus({ NODE_ENV: 'production', LOCAL_OUTBOX: '1' }, 'localhost')).toBe(404)
  })
})
