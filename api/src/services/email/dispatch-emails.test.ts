import { schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeResend } from '../../../test/fake-resend.ts'
import { createTestApi } from '../../../test/harness.ts'
import { enqueueEmail } from '../../lib/email/outbox.ts'
import { emails } from '../../lib/email/templates.ts'
import { logTransport, resendTransport } from '../../lib/email/transport.ts'
import { createLogger } from '../../lib/logger.ts'
import { backoffMs, dispatchEmails, LEASE_MS, MAX_ATTEMPTS } from './dispatch-emails.ts'
import { startEmailDispatcher } from './start-email-dispatcher.ts'

// On a shared Postgres other test files queue mail too: each round claims everything due.
const ALL = 10_000

describe('the email dispatcher delivers the outbox through Resend', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let resend: Awaited<ReturnType<typeof startFakeResend>>
  let transport: ReturnType<typeof resendTransport>
  const from = 'Aura CRM <no-reply@aura.test>'
  beforeAll(async () => {
    api = await createTestApi()
    resend = await startFakeResend()
    transport = resendTransport({ apiKey: 're_test_key', baseUrl: resend.baseUrl, from })
  })
  afterAll(async () => {
    await resend.close()
    await api.close()
  })

  const address = (name: string) => `${name}-${crypto.randomUUID()}@example.com`
  const enqueue = (to: string) =>
    withPlatform(api.db, 'signup', (tx) =>
      enqueueEmail(tx, to, emails.verifyEmail('https://aura.test/verify-email?token=abc')),
    )
  const row = async (to: string) => {
    const [r] = await withPlatform(api.db, 'email-dispatch', (tx) =>
      tx.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, to)),
    )
    if (!r) throw new Error('no outbox row')
    return r
  }

  it('sends a committed email with the right from, to, subject, html and text, and records it', async () => {
    const to = address('delivered')
    await enqueue(to)
    await dispatchEmails(api.db, transport, { limit: ALL })
    const [mail] = resend.to(to)
    expect(mail).toMatchObject({ from, to: [to], subject: 'Confirm your email for Aura CRM' })
    expect(mail?.text).toContain('https://aura.test/verify-email?token=abc')
    expect(mail?.html).toContain('<a href="https://aura.test/verify-email?token=abc">')
    expect(mail?.authorization).toBe('Bearer re_test_key')
    const sent = await row(to)
    expect(sent).toMatchObject({ status: 'sent', attempts: 0 })
    expect(sent.providerId).toMatch(/^re_/)
    expect(sent.sentAt).toBeInstanceOf(Date)
    expect(mail?.idempotencyKey).toBe(`outbox-${sent.id}`)
    await dispatchEmails(api.db, transport, { limit: ALL })
    expect(resend.to(to)).toHaveLength(1)
  })

  it('retries after a 500 with exponential backoff, then delivers', async () => {
    const to = address('retried')
    await enqueue(to)
    const t0 = new Date()
    resend.state.failNext = 1_000 // every send fails while set, whoever's mail it is
    await dispatchEmails(api.db, transport, { limit: ALL, now: t0 })
    resend.state.failNext = 0
    const failed = await row(to)
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 })
    expect(failed.lastError).toMatch(/resend/)
    expect(failed.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000)
    // Not due yet: nothing is sent.
    await dispatchEmails(api.db, transport, { limit: ALL, now: new Date(t0.getTime() + 30_000) })
    expect(resend.to(to)).toHaveLength(0)
    await dispatchEmails(api.db, transport, { limit: ALL, now: new Date(t0.getTime() + 61_000) })
    expect(resend.to(to)).toHaveLength(1)
    expect(await row(to)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('backs off 1, 2, 4 … minutes, capped at an hour, and gives up after 8 attempts', async () => {
    expect([1, 2, 3, 7, 8].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000])
    const to = address('hopeless')
    await enqueue(to)
    let now = new Date()
    resend.state.failNext = 1_000
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await dispatchEmails(api.db, transport, { limit: ALL, now })
      now = new Date(now.getTime() + 2 * 60 * 60_000)
    }
    resend.state.failNext = 0
    expect(await row(to)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
    await dispatchEmails(api.db, transport, { limit: ALL, now })
    expect(resend.to(to)).toHaveLength(0)
  })

  it('a sender that dies between the send and recording it: the claim expires within a minute and the retry delivers nothing twice', async () => {
    const to = address('crashed')
    await enqueue(to)
    const t0 = new Date()
    // The provider accepts the mail, then the sending process is gone: its round never records the send.
    let sent!: () => void
    const delivered = new Promise<void>((resolve) => {
      sent = resolve
    })
    const dying: typeof transport = {
      name: 'resend',
      send: async (email) => {
        await transport.send(email)
        sent()
        return new Promise(() => {}) // never returns, like a process killed with -9
      },
    }
    void dispatchEmails(api.db, dying, { limit: ALL, now: t0 })
    await delivered
    expect(resend.to(to)).toHaveLength(1)
    expect(await row(to)).toMatchObject({ status: 'sending' })
    // Within the lease another dispatcher leaves it alone; after it (under a minute), it takes it over.
    expect(LEASE_MS).toBeLessThan(60_000)
    await dispatchEmails(api.db, transport, { limit: ALL, now: new Date(t0.getTime() + LEASE_MS - 1_000) })
    expect(resend.replayed.filter((r) => r.to.includes(to))).toHaveLength(0)
    await dispatchEmails(api.db, transport, { limit: ALL, now: new Date(t0.getTime() + 60_000) })
    expect(await row(to)).toMatchObject({ status: 'sent' })
    expect(resend.replayed.filter((r) => r.to.includes(to))).toHaveLength(1)
    expect(resend.to(to)).toHaveLength(1)
  })

  it('sends nothing for a transaction that rolled back', async () => {
    const to = address('rolled-back')
    await expect(
      withPlatform(api.db, 'signup', async (tx) => {
        await enqueueEmail(tx, to, emails.verifyEmail('https://aura.test/x'))
        throw new Error('business change failed')
      }),
    ).rejects.toThrow('business change failed')
    await dispatchEmails(api.db, transport, { limit: ALL })
    expect(resend.to(to)).toHaveLength(0)
  })

  it('runs as a loop on Node until stopped; the local transport logs template and id, not the address', async () => {
    const to = address('looped')
    await enqueue(to)
    const lines: string[] = []
    const logger = createLogger('info', {}, (l) => lines.push(l))
    const stop = startEmailDispatcher({ db: api.db, transport: logTransport(logger), logger, intervalMs: 20 })
    await expect.poll(async () => (await row(to)).status, { timeout: 5_000 }).toBe('sent')
    await stop()
    const line = lines.find((l) => l.includes('local mode') && l.includes('verify-email'))
    expect(line).toBeDefined()
    expect(lines.join('\n')).not.toContain(to)
  })
})
