// Signup, login and reset must not reveal whether an email has an account: same status, same body and
// about the same time. Timings are compared as a ratio of medians, never against absolute numbers.
import { uniq } from '@aura/db/seed/index'
import { describe, expect } from 'vitest'
import { apiTest } from '../../../test/fixtures.ts'
import { jsonBody } from '../../../test/harness.ts'

const RUNS = 5
type Send = () => Response | Promise<Response>

/** Runs the two kinds of request alternately, so a busy machine slows both alike. */
async function measure(known: Send, stranger: Send) {
  const runs = { known: [] as number[], stranger: [] as number[] }
  const answers = { known: new Set<string>(), stranger: new Set<string>() }
  for (let i = 0; i < RUNS; i++) {
    for (const [kind, send] of [
      ['known', known],
      ['stranger', stranger],
    ] as const) {
      const t0 = performance.now()
      const res = await send()
      runs[kind].push(performance.now() - t0)
      const body = (await res.json()) as Record<string, unknown>
      delete body.instance
      answers[kind].add(`${res.status} ${JSON.stringify(body)}`)
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  return {
    known: { median: median(runs.known), answers: [...answers.known] },
    stranger: { median: median(runs.stranger), answers: [...answers.stranger] },
  }
}

// Timing needs many wrong logins on one account: the per-account backoff (tested on its own) steps aside.
const it = apiTest({ LOGIN_BACKOFF_AFTER_FAILURES: '1000' })

describe('no account enumeration', { timeout: 60_000 }, () => {
  const unknown = () => `nobody-${uniq()}@example.com`

  async function expectIndistinguishable(known: Send, stranger: Send) {
    // Warm both paths once (decoy hash, prepared statements) before timing.
    await known()
    await stranger()
    const { known: a, stranger: b } = await measure(known, stranger)
    expect(a.answers).toHaveLength(1)
    expect(a.answers).toEqual(b.answers)
    const ratio = a.median / b.median
    expect(ratio, `medians ${a.median.toFixed(0)} ms vs ${b.median.toFixed(0)} ms`).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  }

  it('signup on the root domain', async ({ api, ws: acme }) => {
    const body = (email: string) => jsonBody({ email, password: 'a long enough passphrase', name: 'Someone' })
    await expectIndistinguishable(
      () => api.request('root', '/auth/signup', body(acme.admin.email)),
      () => api.request('root', '/auth/signup', body(unknown())),
    )
  })

  it('login with a wrong password vs an unknown email', async ({ ws: acme }) => {
    const body = (email: string) => jsonBody({ email, password: 'not the password at all' })
    await expectIndistinguishable(
      () => acme.as(null, '/auth/login', body(acme.rep.email)),
      () => acme.as(null, '/auth/login', body(unknown())),
    )
  })

  it('password reset on a workspace', async ({ ws: acme }) => {
    await expectIndistinguishable(
      () => acme.as(null, '/auth/password-reset', jsonBody({ email: acme.manager.email })),
      () => acme.as(null, '/auth/password-reset', jsonBody({ email: unknown() })),
    )
  })
})
