// The smaller steps of a run: tools, warm-up, the board's size, the smoke run's own checks.
import { execFileSync, spawnSync } from 'node:child_process'
import pg from 'pg'
import type { TenantFacts } from './facts.ts'
import { httpRequest } from './http.ts'
import { runWrk } from './load/wrk.ts'
import { options, out } from './options.ts'
import type { Report } from './report.ts'
import type { buildScenarios } from './scenarios/scenarios.ts'
import type { Server } from './servers.ts'

export async function boardBytes(port: number, host: string, cookie: string, f: TenantFacts) {
  const path = `/board?process=${f.process.id}`
  const plain = await httpRequest({ port, host, method: 'GET', path, headers: { cookie } })
  const gzip = await httpRequest({
    port,
    host,
    method: 'GET',
    path,
    headers: { cookie, 'accept-encoding': 'gzip' },
  })
  return plain.status === 200 ? { htmlBytes: plain.bytes, gzipBytes: gzip.bytes } : null
}

/** The run's database copy starts cold: one short window of every read, each contender, first. */
export async function warmUp(
  scenarios: ReturnType<typeof buildScenarios>,
  k: { aura: Server; peer?: Server; work: string },
) {
  if (options.smoke) return
  out('warming up')
  for (const s of scenarios.filter((x) => x.kind === 'read')) {
    runWrk(await s.aura(), k.aura.port, 10, options.smoke ? 1 : 2, k.work)
    if (s.peer && k.peer) runWrk(await s.peer(), k.peer.port, 10, options.smoke ? 1 : 2, k.work)
  }
}

export function smokeProblems(r: Report): string[] {
  const problems = Object.entries(r.peerVerified)
    .filter(([, v]) => v !== true)
    .map(([k, v]) => `peer ${k}: ${v}`)
  if (options.peer && !Object.keys(r.peerVerified).length) problems.push('peer: nothing verified')
  for (const c of r.cells) {
    // No completed operation is not a problem in itself: a 2 s window can be shorter than a board page on
    // a busy machine. Every operation was already answered 2xx once while its SQL was recorded.
    const named = (who: string, x?: { errors: number; fivexx: number }) => {
      if (x && (x.errors || x.fivexx))
        problems.push(`${c.scenario} @${c.connections} ${who}: ${x.errors} errors, ${x.fivexx} 5xx`)
    }
    named('aura', c.aura)
    named('peer', c.peer)
    named('pgbench', c.raw)
    named('pgbench shaped', c.rawShaped)
  }
  for (const m of r.imports)
    if (m.created !== m.rows)
      problems.push(`import of ${m.rows} rows created ${m.created}, rejected ${m.rejected}`)
  return problems
}

export async function postgresVersion(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const v = (await client.query<{ v: string }>('select version() as v')).rows[0]?.v ?? ''
    return v.split(' on ')[0] ?? v
  } finally {
    await client.end()
  }
}

export function ensureWrk() {
  if (spawnSync('sh', ['-c', 'command -v wrk']).status === 0) return
  out('wrk not found: apt-get install -y wrk')
  execFileSync(
    'sh',
    [
      '-c',
      'apt-get install -y -qq wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)',
    ],
    { stdio: 'inherit' },
  )
}
