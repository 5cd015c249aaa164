// Issue 11: login throttling was per IP only, so guesses spread over many addresses never slowed down.
// Now each account backs off after a few failures, in a way an attacker cannot turn into a lockout.
import { schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody, lastEmailTo, linkIn } from '../../../test/harness.ts'
import { createWorkspace, TEST_PASSWORD } from '../../../test/workspace.ts'
import { MAX_WAIT_MS, waitAfter } from '../../services/auth/login-backoff.ts'

const FREE_FAILURES = 5

const b = schema.loginBackoff

describe('per-account login backoff', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi({ LOGIN_BACKOFF_AFTER_FAILURES: String(FREE_FAILURES) })
    ws = await createWorkspace(api)
  })
  afterAll(() => api.close())

  // A fresh client address per attempt: the per-IP limit never speaks, only the account's backoff.
  const login = (email: string, password: string) =>
    api.request(
      ws.slug,
      '/auth/login',
      jsonBody({ email, password }),
      `198.51.100.${Math.floor(Math.random() * 250)}`,
    )
  const fail = async (email: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await login(email, 'wrong password!')).status).toBe(401)
  }
  const lockOf = async (email: string) =>
    (await withPlatform(api.db, 'authenticate', (tx) => tx.select().from(b).where(eq(b.account, email))))[0]
  const endWait = (email: string) =>
    withPlatform(api.db, 'authenticate', (tx) =>
      tx
        .update(b)
        .set({ lockedUntil: new Date(Date.now() - 1) })
        .where(eq(b.account, email)),
    )

  it('after the free failures, even the right password waits (429 + Retry-After), from any address', async () => {
    const user = await ws.member('rep')
    await fail(user.email, FREE_FAILURES)
    const refused = await login(user.email, TEST_PASSWORD)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Once the wait is over the right password signs in and the slate is clean.
    await endWait(user.email)
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200)
    expect(await lockOf(user.email)).toBeUndefined()
  })

  it('attempts during the wait do not count or extend it', async () => {
    const user = await ws.member('rep')
    await fail(user.email, FREE_FAILURES)
    const before = await lockOf(user.email)
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'wrong password!')).status).toBe(429)
    expect(await lockOf(user.email)).toEqual(before)
  })

  it('the wait doubles per failure and is capped', () => {
    expect(waitAfter(FREE_FAILURES - 1, FREE_FAILURES)).toBe(0)
    expect(waitAfter(FREE_FAILURES + 1, FREE_FAILURES)).toBe(2 * waitAfter(FREE_FAILURES, FREE_FAILURES))
    expect(waitAfter(1000, FREE_FAILURES)).toBe(MAX_WAIT_MS)
    expect(MAX_WAIT_MS).toBeLessThanOrEqual(15 * 60_000)
  })

  it('a password reset is never throttled by it, clears it, and signs the victim in', async () => {
    const user = await ws.member('rep')
    await fail(user.email, FREE_FAILURES)
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(429)
    expect((await api.request(ws.slug, '/auth/password-reset', jsonBody({ email: user.email }))).status).toBe(
      202,
    )
    const token = linkIn((await lastEmailTo(api.db, user.email))?.text).searchParams.get('token')
    const password = 'the victim is back in'
    const reset = await api.request(ws.slug, '/auth/password-reset/confirm', jsonBody({ token, password }))
    expect(reset.status).toBe(200)
    expect(await lockOf(user.email)).toBeUndefined()
    expect((await login(user.email, password)).status).toBe(200)
  })

  it('an unknown address backs off the same way (no hint about which accounts exist)', async () => {
    const nobody = `nobody-${crypto.randomUUID()}@example.com`
    await fail(nobody, FREE_FAILURES)
    expect((await login(nobody, 'wrong password!')).status).toBe(429)
  })
})
