// Interleaved windows: for each scenario and concurrency, repeated `reps` times, one window per contender
// in turn (Aura, the peer, pgbench plain, pgbench request-shaped), so drift in the shared machine's load
// hits all of them alike. The report takes each contender's median.
import pg from 'pg'
import { sqlShape } from './capture/units.ts'
import { drained } from './http.ts'
import type { LoadResult } from './load/wrk.ts'
import { runWrk } from './load/wrk.ts'
import { options, out } from './options.ts'
import { runPgbench } from './raw/pgbench.ts'
import type { Scenario } from './scenarios/scenarios.ts'
import type { Server } from './servers.ts'

export interface Summary {
  opsPerSec: number
  p50: number
  p95: number
  p99: number
  errors: number
  fivexx: number
  shed: number
  windows: LoadResult[]
}

export interface Cell {
  key: string
  scenario: string
  kind: Scenario['kind']
  connections: number
  aura: Summary
  peer?: Summary
  peerNote?: string
  raw?: Summary
  rawShaped?: Summary
  /** Aura's SQL for one operation. */
  statements?: ReturnType<typeof sqlShape>
}

export interface Contenders {
  aura: Server
  peer?: Server
  host: string
  url: string
  work: string
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d

export function summarize(windows: LoadResult[]): Summary {
  const pick = (k: 'opsPerSec' | 'p50' | 'p95' | 'p99') => round(median(windows.map((w) => w[k])))
  const sum = (k: 'errors' | 'fivexx' | 'shed') => windows.reduce((n, w) => n + w[k], 0)
  return {
    opsPerSec: round(median(windows.map((w) => w.opsPerSec)), 1),
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    errors: sum('errors'),
    fivexx: sum('fivexx'),
    shed: sum('shed'),
    windows,
  }
}

/**
 * Waits until no statement runs in the measured database: a server keeps working off what it accepted
 * after wrk stops (slow requests queue behind the pool), and that must not run in the next window.
 */
async function quiet(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const until = Date.now() + 120_000
    while (Date.now() < until) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and state <> 'idle' and pid <> pg_backend_pid()`,
      )
      if (!rows[0]?.n) return
      await new Promise((r) => setTimeout(r, 200))
    }
    out('database still busy after 120 s: measuring anyway')
  } finally {
    await client.end()
  }
}

async function settled(k: Contenders, port: number, host: string, probe: string) {
  await drained(port, host, probe)
  await quiet(k.url)
}

export async function runCell(s: Scenario, c: number, k: Contenders): Promise<Cell> {
  const aura: LoadResult[] = []
  const peer: LoadResult[] = []
  const raw: LoadResult[] = []
  const shaped: LoadResult[] = []
  const { seconds } = options
  for (let rep = 0; rep < options.reps; rep++) {
    await settled(k, k.aura.port, k.host, '/api/v1/health')
    aura.push(runWrk(await s.aura(), k.aura.port, c, seconds, k.work))
    if (s.peer && k.peer && !s.only) {
      await settled(k, k.peer.port, 'localhost', '/graphql')
      peer.push(runWrk(await s.peer(), k.peer.port, c, seconds, k.work))
    }
    if (s.raw && !s.only) {
      await quiet(k.url)
      raw.push(runPgbench(k.url, await s.raw(c, false), c, seconds, k.work, options.pgbench))
      await quiet(k.url)
      shaped.push(runPgbench(k.url, await s.raw(c, true), c, seconds, k.work, options.pgbench))
    }
  }
  const cell: Cell = {
    key: s.key,
    scenario: s.name,
    kind: s.kind,
    connections: c,
    aura: summarize(aura),
    ...(peer.length ? { peer: summarize(peer) } : {}),
    ...(s.peerNote ? { peerNote: s.peerNote } : {}),
    ...(raw.length ? { raw: summarize(raw), rawShaped: summarize(shaped) } : {}),
    ...(s.sql ? { statements: sqlShape(s.sql) } : {}),
  }
  out(line(cell))
  return cell
}

function line(c: Cell): string {
  const part = (name: string, x?: Summary) =>
    x ? ` | ${name} ${x.opsPerSec}/s p50 ${x.p50} p99 ${x.p99}${x.errors ? ` err ${x.errors}` : ''}` : ''
  return `${c.scenario} @${c.connections}${part('aura', c.aura)}${part('peer', c.peer)}${part('pgbench', c.raw)}${part('shaped', c.rawShaped)}${c.aura.shed ? ` shed ${c.aura.shed}` : ''}`
}
