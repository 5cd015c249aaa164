// Tenant binding costs at most two database round trips per request: BEGIN and one statement that sets
// the role and the three app settings together (db/client.ts withTenant). Counted at the driver: every
// statement node-postgres sends (pg.Client#query), or every PGlite query plus the BEGIN/COMMIT of its
// transaction(), while one API request that reads tenant data runs.
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from './harness.ts'
import { createWorkspace } from './workspace.ts'

type Api = Awaited<ReturnType<typeof createTestApi>>
let api: Api
let ws: Awaited<ReturnType<typeof createWorkspace>>
let recording: string[] | null = null
const record = (text: unknown) => {
  if (!recording) return
  const s = typeof text === 'string' ? text : ((text as { text?: string } | null)?.text ?? String(text))
  recording.push(s.replace(/\s+/g, ' ').trim())
}

function countPg() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = proto.query
  proto.query = function (this: unknown, ...args: unknown[]) {
    record(args[0])
    return original.apply(this, args)
  }
}

function countPglite(client: PGlite) {
  const query = client.query.bind(client)
  const exec = client.exec.bind(client)
  const transaction = client.transaction.bind(client)
  client.query = ((text: string, ...rest: unknown[]) => {
    record(text)
    return (query as (...a: unknown[]) => unknown)(text, ...rest)
  }) as PGlite['query']
  client.exec = ((text: string, ...rest: unknown[]) => {
    record(text)
    return (exec as (...a: unknown[]) => unknown)(text, ...rest)
  }) as PGlite['exec']
  client.transaction = (async (fn: (tx: unknown) => Promise<unknown>) => {
    record('begin')
    const out = await transaction(async (tx) => {
      const txQuery = tx.query.bind(tx)
      tx.query = ((text: string, ...rest: unknown[]) => {
        record(text)
        return (txQuery as (...a: unknown[]) => unknown)(text, ...rest)
      }) as typeof tx.query
      return fn(tx)
    })
    record('commit')
    return out
  }) as PGlite['transaction']
}

beforeAll(async () => {
  api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '10000' })
  if (api.conn.kind === 'pglite') countPglite((api.db as unknown as { $client: PGlite }).$client)
  else countPg()
  ws = await createWorkspace(api)
})
afterAll(async () => {
  await api?.close()
})

/** The statements of one request, and the tenant transactions among them (BEGIN … COMMIT as crm_app). */
async function statementsOf(path: string) {
  recording = []
  const res = await ws.as(ws.manager, path)
  const seen = recording
  recording = null
  expect(res.status, await res.clone().text()).toBe(200)
  const tenantTxs: string[][] = []
  let current: string[] | null = null
  for (const s of seen) {
    if (/^begin\b/i.test(s)) current = [s]
    else if (current) current.push(s)
    if (current && /^(commit|rollback)\b/i.test(s)) {
      if (current.some((x) => x.includes("set_config('role', $1, true), set_config('app.current_tenant_id'")))
        tenantTxs.push(current)
      current = null
    }
  }
  return { seen, tenantTxs }
}

describe('round trips per request', () => {
  it.each(['/deals', '/contacts', '/pipeline-summary'])(
    'GET %s binds the tenant in 2 round trips: BEGIN, then one combined set_config',
    async (path) => {
      const { tenantTxs } = await statementsOf(path)
      expect(tenantTxs.length).toBeGreaterThanOrEqual(1)
      for (const tx of tenantTxs) {
        const binding = tx.slice(0, tx.findIndex((s) => s.includes('set_config')) + 1)
        expect(binding).toHaveLength(2)
        expect(binding[0]).toMatch(/^begin\b/i)
        // Role, tenant, user and role setting in one statement: nothing else binds the tenant.
        expect(binding[1]).toMatch(
          /set_config\('role'.*app\.current_tenant_id.*app\.current_user_id.*app\.current_role/,
        )
        expect(tx.filter((s) => s.includes('set_config'))).toHaveLength(1)
      }
    },
  )

  it('GET /deals reads its page in a single tenant transaction of 4 statements (BEGIN, binding, list, COMMIT)', async () => {
    const { tenantTxs } = await statementsOf('/deals')
    expect(tenantTxs).toHaveLength(1)
    expect(tenantTxs[0]).toHaveLength(4)
  })
})
