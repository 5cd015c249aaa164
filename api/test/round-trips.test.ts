// Round trips per request (issue 10, ADR 0110): with warm caches a read costs one tenant transaction —
// BEGIN, the statement that checks the credential and binds tenant, user and role, the service's queries,
// COMMIT — and writes nothing. Counted at the driver (statement-log.ts) on PGlite and node-postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from './harness.ts'
import {
  isCredentialBinding,
  isCredentialRead,
  isTenantLookup,
  isWrite,
  type StatementLog,
  statementLog,
  transactionsIn,
} from './statement-log.ts'
import { createWorkspace } from './workspace.ts'

type Api = Awaited<ReturnType<typeof createTestApi>>
let api: Api
let log: StatementLog
let ws: Awaited<ReturnType<typeof createWorkspace>>
let dealId: string
let token: string

beforeAll(async () => {
  api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '10000' })
  log = statementLog(api.conn)
  ws = await createWorkspace(api)
  const deal = await ws.as(ws.manager, '/deals', jsonBody({ name: 'Round trip', amount: '10.00' }))
  dealId = ((await deal.json()) as { id: string }).id
  const minted = await ws.as(ws.manager, '/tokens', jsonBody({ name: 'round trips' }))
  token = ((await minted.json()) as { token: string }).token
}, 180_000)
afterAll(async () => {
  await api?.close()
})

const credentials = {
  session: () => ({ cookie: ws.manager.cookie }),
  token: () => ({ authorization: `Bearer ${token}` }),
}
type Via = keyof typeof credentials

const minuteOf = (ms: number) => Math.floor(ms / 60_000)

/**
 * The statements of one GET once caches are warm: the same request just before warms the tenant and
 * identity caches, the rate-limit budget and the token's last_used_at. A rate-limit window that ends in
 * between starts a new budget (one reservation), so such a run is repeated once.
 */
async function warmRead(path: string, via: Via): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const started = minuteOf(Date.now())
    expect((await ws.as(null, path, { headers: credentials[via]() })).status).toBe(200)
    const { result, statements } = await log.during(() => ws.as(null, path, { headers: credentials[via]() }))
    expect(result.status, await result.clone().text()).toBe(200)
    if (minuteOf(Date.now()) === started || attempt > 0) return statements
  }
}

describe('a read request after warm caches', () => {
  const cases = ['/deals', '/deals/:id'].flatMap((path) =>
    (['session', 'token'] as const).map((via) => [path, via] as const),
  )

  it.each(cases)(
    'GET %s with a %s costs at most 4 statements in 1 transaction, with no write',
    async (path, via) => {
      const statements = await warmRead(path.replace(':id', dealId), via)
      expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(4)
      const txs = transactionsIn(statements)
      expect(txs).toHaveLength(1)
      expect(txs[0]).toEqual(statements)
      expect(statements.filter(isWrite)).toEqual([])
    },
  )

  it.each([
    ['/contacts', 'session'],
    ['/me', 'session'],
    ['/workspace', 'token'],
    ['/activities?limit=5', 'token'],
    ['/pipeline-summary', 'session'],
  ] as const)(
    'GET %s with a %s: identity, tenant and rate limit add no statement beyond the binding',
    async (path, via) => {
      const statements = await warmRead(path, via)
      const [tx, ...others] = transactionsIn(statements)
      expect(others).toEqual([])
      // Everything the request sent is its one tenant transaction: BEGIN, binding, the service's reads, COMMIT.
      expect(tx).toEqual(statements)
      expect(tx?.[0]).toMatch(/^begin\b/i)
      expect(tx?.at(-1)).toMatch(/^commit\b/i)
      expect(tx?.filter(isCredentialBinding)).toEqual([tx?.[1]])
      expect(statements.filter((s) => isCredentialRead(s) || isTenantLookup(s) || isWrite(s))).toEqual([])
    },
  )

  it('checks the credential in the statement that binds the transaction, before dropping to crm_app', async () => {
    const [, binding] = await warmRead('/deals', 'session')
    expect(binding).toMatch(/from bind_credential\(\$\d+, \$\d+, \$\d+::uuid, \$\d+\) as b$/)
    expect(binding).toMatch(/set_config\('role', \$\d+, true\) as bound_role/)
  })
})

describe('identity and rate limiting write nothing per read', () => {
  it("writes a token's last_used_at once, after the read's transaction; the next reads write nothing", async () => {
    const minted = await ws.as(ws.rep, '/tokens', jsonBody({ name: 'fresh' }))
    const fresh = ((await minted.json()) as { token: string }).token
    const headers = { authorization: `Bearer ${fresh}` }
    const first = await log.during(() => ws.as(null, '/deals', { headers }))
    expect(first.result.status).toBe(200)
    const txs = transactionsIn(first.statements)
    const readTx = txs.findIndex((tx) => tx.some(isCredentialBinding))
    const touchTx = txs.findIndex((tx) => tx.some((s) => /^update "api_tokens" set "last_used_at"/i.test(s)))
    expect(readTx).toBeGreaterThanOrEqual(0)
    expect(touchTx).toBeGreaterThan(readTx)
    expect(txs[readTx]?.filter(isWrite)).toEqual([])
    for (let i = 0; i < 3; i++) {
      const next = await log.during(() => ws.as(null, '/deals', { headers }))
      expect(next.statements.filter((s) => /last_used_at/.test(s) && isWrite(s))).toEqual([])
    }
  })

  it("reserves a user's rate-limit budget once per chunk, not once per request", async () => {
    const reservations = (statements: string[]) =>
      statements.filter((s) => /^insert into "rate_limit_counters"/i.test(s)).length
    let total = 0
    const started = minuteOf(Date.now())
    for (let i = 0; i < 20; i++) {
      const { statements } = await log.during(() => ws.as(ws.admin, '/deals'))
      total += reservations(statements)
    }
    // Limit 10000 → chunks of 100 slots: one reservation for 20 requests (two if a window ended meanwhile).
    expect(total).toBeLessThanOrEqual(minuteOf(Date.now()) === started ? 1 : 2)
  })
})
