// npm run fault:kill [-- --seconds 24 --writers 8]: what a crash costs, measured (issue 9). The bundled
// server (`npm start`'s) runs on loopback while writers create deals as the demo manager, each POST with an
// Idempotency-Key and retried with the same key until it is answered 201 (as a careful client would after a
// reset or a 503). Mid-run, something is killed with SIGKILL and brought back:
//   postgres-db      the Postgres cluster (a throwaway one of this script's own) under a running server
//   postgres-server  the Node server, on Postgres
//   embedded-server  the Node server owning the embedded database (PGlite in a data directory)
// Afterwards the database itself is read: every deal acknowledged with 201 must be there once (lost = 0),
// no name may appear twice (duplicates = 0), and the time from the restart to the first 201 is the time
// to recover. Loopback only; stops by itself. Prints one table; exits 1 when anything was lost or doubled.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { connect } from '@aura/db/connect'
import { sql } from 'drizzle-orm'
import { throwawayPostgres } from '../../api/test/faults/throwaway-postgres.ts'
import { httpRequest } from '../bench/http.ts'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '24' },
    writers: { type: 'string', default: '8' },
    only: { type: 'string' },
  },
})
const SECONDS = Number(values.seconds)
const WRITERS = Number(values.writers)
const ROOT = new URL('../..', import.meta.url).pathname
const BUNDLE = join(ROOT, 'web/build/node/main.js')
const HOST = 'demo.localhost'
const DEMO = { email: 'manager@demo.aura.test', password: 'demo-password-123' }

type Scenario = 'postgres-db' | 'postgres-server' | 'embedded-server'

interface Outcome {
  scenario: Scenario
  attempts: number
  acked: number
  lost: number
  duplicates: number
  /** Acknowledged to the client only after a retry with the same key (the first try's answer never came). */
  ackedAfterRetry: number
  recoverMs: number
  downMs: number
}

const out = (line: string) => process.stdout.write(`${line}\n`)

function startServer(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [BUNDLE], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_USER_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return child
}

async function untilHealthy(port: number, timeoutMs = 180_000) {
  const t0 = performance.now()
  for (;;) {
    const res = await httpRequest({ port, method: 'GET', path: '/api/v1/health', host: 'localhost' }).catch(
      () => null,
    )
    if (res?.status === 200) return
    if (performance.now() - t0 > timeoutMs) throw new Error('server not healthy in time')
    await sleep(100)
  }
}

async function login(port: number): Promise<string> {
  const res = await httpRequest({
    port,
    method: 'POST',
    path: '/api/v1/auth/login',
    host: HOST,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  })
  const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('aura_session='))
  if (res.status !== 200 || !cookie) throw new Error(`demo login failed: ${res.status}`)
  return cookie.split(';')[0] as string
}

/** Writers creating deals until `stop`; each deal is retried with its key until it is acknowledged. */
function writers(port: () => number, cookie: () => string, prefix: string, stop: { now: boolean }) {
  const acked = new Set<string>()
  let attempts = 0
  let ackedAfterRetry = 0
  let firstAckAfter: { since: number; at: number | null } | null = null
  const one = async (name: string) => {
    const key = randomUUID()
    for (let attempt = 0; ; attempt++) {
      attempts++
      const res = await httpRequest({
        port: port(),
        method: 'POST',
        path: '/api/v1/deals',
        host: HOST,
        headers: { 'content-type': 'application/json', cookie: cookie(), 'idempotency-key': key },
        body: JSON.stringify({ name, amount: '100.00' }),
      }).catch(() => null)
      if (res?.status === 201) {
        acked.add(name)
        if (attempt > 0) ackedAfterRetry++
        if (firstAckAfter && firstAckAfter.at === null) firstAckAfter.at = performance.now()
        return
      }
      if (res && res.status !== 503 && res.status !== 401 && res.status < 500)
        throw new Error(`unexpected ${res.status}: ${res.text.slice(0, 200)}`)
      await sleep(50)
    }
  }
  const loops = Array.from({ length: WRITERS }, async (_, w) => {
    for (let i = 0; !stop.now; i++) await one(`${prefix}-${w}-${i}`)
  })
  return {
    done: Promise.all(loops),
    markRestart: () => {
      firstAckAfter = { since: performance.now(), at: null }
    },
    result: () => ({
      acked,
      attempts,
      ackedAfterRetry,
      recoverMs: firstAckAfter?.at ? Math.round(firstAckAfter.at - firstAckAfter.since) : -1,
    }),
  }
}

/** Names of the run's deals as stored, read straight from the database after the run. */
async function storedNames(url: string | undefined, prefix: string): Promise<string[]> {
  const conn = await connect(url)
  try {
    const result = (await conn.db.execute(
      sql`select name from deals where name like ${`${prefix}-%`}`,
    )) as unknown as { rows: { name: string }[] }
    return result.rows.map((r) => r.name)
  } finally {
    await conn.close()
  }
}

async function run(scenario: Scenario, port: number): Promise<Outcome> {
  const prefix = `kill-${scenario}-${Date.now()}`
  const work = mkdtempSync(join(tmpdir(), 'aura-kill-'))
  const cluster = scenario.startsWith('postgres') ? throwawayPostgres(16_000 + (process.pid % 2000)) : null
  const dbUrl = cluster ? cluster.url : `file://${join(work, 'pglite')}`
  const env = { DATABASE_URL: dbUrl }
  let server = startServer(port, env)
  try {
    await untilHealthy(port)
    let cookie = await login(port)
    const stop = { now: false }
    const w = writers(
      () => port,
      () => cookie,
      prefix,
      stop,
    )
    await sleep((SECONDS * 1000) / 3)
    const killedAt = performance.now()
    if (scenario === 'postgres-db') {
      cluster?.crash()
      await sleep(2_000)
      cluster?.start()
    } else {
      server.kill('SIGKILL')
      await new Promise((r) => server.once('exit', r))
      server = startServer(port, env)
    }
    w.markRestart()
    const restartedAt = performance.now()
    if (scenario !== 'postgres-db') {
      await untilHealthy(port)
      // Sessions live in the database: the old cookie still works unless the session write was lost.
      cookie = await login(port).catch(() => cookie)
    }
    await sleep((SECONDS * 1000 * 2) / 3)
    stop.now = true
    await w.done
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    const names = await storedNames(dbUrl, prefix)
    const { acked, attempts, ackedAfterRetry, recoverMs } = w.result()
    const counts = new Map<string, number>()
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1)
    return {
      scenario,
      attempts,
      acked: acked.size,
      lost: [...acked].filter((n) => !counts.has(n)).length,
      duplicates: [...counts.values()].filter((c) => c > 1).length,
      ackedAfterRetry,
      recoverMs,
      downMs: Math.round(restartedAt - killedAt),
    }
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL')
    cluster?.remove()
    rmSync(work, { recursive: true, force: true })
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function main() {
  // `npm start`'s server, rebuilt first if the sources changed since the last build.
  execFileSync(process.execPath, [join(ROOT, 'web/scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
  const scenarios: Scenario[] = ['postgres-db', 'postgres-server', 'embedded-server']
  const chosen = values.only ? scenarios.filter((s) => s === values.only) : scenarios
  const results: Outcome[] = []
  const port = 24_000 + (process.pid % 2000)
  for (const s of chosen) {
    out(`${s}: ${WRITERS} writers, ${SECONDS} s, SIGKILL at ${Math.round(SECONDS / 3)} s`)
    results.push(await run(s, port))
  }
  out(
    '\n| scenario | attempts | acknowledged | lost | duplicates | acked after a retry | down | recovered after restart |',
  )
  out('|---|---|---|---|---|---|---|---|')
  for (const r of results)
    out(
      `| ${r.scenario} | ${r.attempts} | ${r.acked} | ${r.lost} | ${r.duplicates} | ${r.ackedAfterRetry} | ${r.downMs} ms | ${r.recoverMs} ms |`,
    )
  out(
    `load average: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  if (results.some((r) => r.lost > 0 || r.duplicates > 0)) process.exit(1)
}

await main()
