// A page's in-process API calls resolve identity once (issue 10, ADR 0110). The dashboard's loaders (the
// workspace shell's and the page's own, run together as Remix runs them) go through the load context's
// apiFetch into the API on a real database, and every statement is counted at the driver.
import { createApp } from '@aura/api'
import { parseConfig } from '@aura/api/config'
import { createLogger } from '@aura/api/lib/logger'
import type { NodeApi } from '@aura/api/node'
import type { Db } from '@aura/db'
import setupTestDatabase from '@aura/db/test/global-setup'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as dashboardLoader } from '~/routes/_app.dashboard.tsx'
import { loader as shellLoader } from '~/routes/_app.tsx'
import { createTestApi } from '../../api/test/harness.ts'
import {
  isCredentialBinding,
  isCredentialRead,
  isTenantLookup,
  isWrite,
  type StatementLog,
  statementLog,
} from '../../api/test/statement-log.ts'
import { createWorkspace } from '../../api/test/workspace.ts'
import { loadContextFor } from './context.ts'

let teardown: (() => unknown) | undefined
let api: Awaited<ReturnType<typeof createTestApi>>
let log: StatementLog
let ws: Awaited<ReturnType<typeof createWorkspace>>
const config = parseConfig({ NODE_ENV: 'test', ROOT_DOMAIN: 'aura.test' })
const logger = createLogger('error', {}, () => {})

beforeAll(async () => {
  // The web suite has no database of its own: the test makes the run's database as the API suite does.
  teardown = (await setupTestDatabase()) ?? undefined
  api = await createTestApi()
  log = statementLog(api.conn)
  ws = await createWorkspace(api)
}, 300_000)
afterAll(async () => {
  await api?.close()
  await teardown?.()
})

/** The same database behind a new handle: a freshly started server, with empty caches. */
function freshServer(): NodeApi {
  const db = new Proxy(api.db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as Db
  return { app: createApp({ db, config, logger }), conn: api.conn, config, logger, close: async () => {} }
}

/** Runs the dashboard's loaders for one page request; returns the statements and the API calls made. */
async function renderDashboard(server: NodeApi, cookie: string) {
  const request = new Request(`http://${ws.slug}.aura.test/dashboard`, { headers: { cookie } })
  const context = loadContextFor(server)(request, '203.0.113.7')
  let calls = 0
  const apiFetch = context.apiFetch
  context.apiFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls++
    return apiFetch(input, init)
  }) as typeof fetch
  const args = { request, context, params: {} } as LoaderFunctionArgs
  const { statements } = await log.during(() => Promise.all([shellLoader(args), dashboardLoader(args)]))
  return { statements, calls }
}

describe('a dashboard page render', { timeout: 120_000 }, () => {
  it('with warm caches: one tenant transaction per API call, each bound by the credential check; nothing else', async () => {
    const server = freshServer()
    const minute = () => Math.floor(Date.now() / 60_000)
    let started: number
    let measured: Awaited<ReturnType<typeof renderDashboard>>
    do {
      // Warm up, then measure; a rate-limit window that ends in between needs a new budget: measure again.
      started = minute()
      await renderDashboard(server, ws.manager.cookie)
      measured = await renderDashboard(server, ws.manager.cookie)
    } while (minute() !== started)
    const { statements, calls } = measured
    expect(calls).toBeGreaterThanOrEqual(6)
    // The calls run in parallel: on Postgres their transactions interleave across pooled connections.
    const count = (test: (s: string) => boolean) => statements.filter(test).length
    expect(count((s) => /^begin\b/i.test(s))).toBe(calls)
    expect(count((s) => /^commit\b/i.test(s))).toBe(calls)
    expect(count(isCredentialBinding)).toBe(calls)
    expect(statements.filter((s) => isCredentialRead(s) || isTenantLookup(s) || isWrite(s))).toEqual([])
    // BEGIN, binding, COMMIT and the services' own reads; identity and rate limiting add nothing.
    const serviceReads = statements.length - 3 * calls
    expect(serviceReads).toBeLessThanOrEqual(2 * calls)
  })

  it('on a freshly started server: the tenant and the credential are each read once for all the calls', async () => {
    const minute = () => Math.floor(Date.now() / 60_000)
    let started: number
    let measured: Awaited<ReturnType<typeof renderDashboard>>
    do {
      // A render that straddles a minute needs a budget in each rate-limit window: render afresh.
      started = minute()
      measured = await renderDashboard(freshServer(), ws.admin.cookie)
    } while (minute() !== started)
    const { statements, calls } = measured
    expect(calls).toBeGreaterThanOrEqual(6)
    expect(statements.filter(isCredentialRead)).toHaveLength(1)
    expect(statements.filter(isTenantLookup)).toHaveLength(1)
    // The page counts once toward the rate limit: at most one budget reservation, and no other write.
    const writes = statements.filter(isWrite)
    expect(writes.length).toBeLessThanOrEqual(1)
    for (const w of writes) expect(w).toMatch(/^insert into "rate_limit_counters"/)
  })
})
