// npm run bench [-- --smoke] [--no-bundle] [--no-peer] [--in-place]: Aura side by side with PostGraphile 5
// and with its own SQL through pgbench (prepared), in one run with interleaved windows. See
// docs/decisions/0120-benchmark-method.md.
//   BENCH_DATABASE_URL  full: the standard generated data (default postgres://…/aura_bench; migrated, and
//                       generated when missing), copied per run; smoke: a server to create a scratch db on
//   BENCH_SECONDS (5; smoke 2) seconds per window, BENCH_REPS (3; smoke 1) windows per contender
//   BENCH_POOL (10) pool size of both servers, BENCH_AURA_ENTRY (web/server/main.ts), PGBENCH (pgbench)
// Writes e2e/bench/results/<timestamp>.{md,json} (smoke: a temp directory).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { captureRead, captureWrites } from './capture/capture.ts'
import { startWireProxy, type WireProxy } from './capture/wire-proxy.ts'
import { prepareDatabase } from './database.ts'
import { type TenantFacts, tenantFacts } from './facts.ts'
import { httpRequest, login } from './http.ts'
import { runWrk } from './load/wrk.ts'
import { loadAverage, machine, workersBundleGzipBytes } from './machine.ts'
import { options, out, ROOT } from './options.ts'
import { auraCursor, type Endpoint, verifyPeer } from './peer/verify.ts'
import { markdown, type Report } from './report.ts'
import { auraAddLine, auraMove, auraOps, type ReadKey } from './scenarios/operations.ts'
import { buildScenarios, type Captured, overloadScenario } from './scenarios/scenarios.ts'
import { type Server, startAura, startPeer } from './servers.ts'
import { type Cell, runCell } from './windows.ts'

async function main() {
  const started = new Date()
  ensureWrk()
  const loadStart = loadAverage()
  out(
    `aura bench${options.smoke ? ' --smoke' : ''}: ${options.reps} × ${options.seconds} s windows, c = ${options.concurrency.join(', ')}`,
  )
  const db = await prepareDatabase()
  const work = mkdtempSync(join(tmpdir(), 'aura-bench-'))
  const servers: Server[] = []
  let proxy: WireProxy | undefined
  try {
    const f = await tenantFacts(db.url, db.slug)
    out(`database ready: ${db.url.replace(/\/\/[^@]*@/, '//')}`)
    const host = `${db.slug}.localhost`
    const pgUrl = new URL(db.url)
    proxy = await startWireProxy(
      { host: pgUrl.hostname, port: Number(pgUrl.port || 5432) },
      options.ports.proxy,
    )
    const viaProxy = new URL(db.url)
    viaProxy.host = `127.0.0.1:${options.ports.proxy}`
    const [recorder, peer] = await Promise.all([
      startAura(viaProxy.toString(), options.ports.auraCapture, work),
      options.peer ? startPeer(db.url, options.ports.peer, work) : Promise.resolve(undefined),
    ])
    servers.push(recorder, ...(peer ? [peer] : []))
    out('servers ready')
    const cookie = await login(recorder.port, host, f.manager.email)
    const auraHeaders = { Host: host, Cookie: cookie, 'Content-Type': 'application/json' }
    const peerHeaders = {
      'Content-Type': 'application/json',
      'x-tenant-id': f.tenantId,
      'x-user-id': f.manager.id,
      'x-role': f.manager.role,
    }
    const recorderAt: Endpoint = {
      port: recorder.port,
      host,
      headers: { cookie, 'content-type': 'application/json' },
    }
    out(`walking to deal list page ${options.page}`)
    const cursors = { aura: await auraCursor(recorderAt, options.page) }
    const captured = await captureAll(f, { ...recorderAt, proxy }, cursors)
    out('verifying the peer against Aura')
    const peerCheck = peer
      ? await verifyPeer(
          f,
          recorderAt,
          { port: peer.port, host: 'localhost', headers: peerHeaders },
          options.page,
          db.url,
        )
      : { verified: {}, cursors }
    await recorder.stop()
    servers.splice(servers.indexOf(recorder), 1)
    await proxy.close()
    proxy = undefined

    const aura = await startAura(db.url, options.ports.aura, work)
    servers.push(aura)
    const board = await boardBytes(aura.port, host, cookie, f)
    const ctx = {
      f,
      url: db.url,
      cursors: { ...cursors, ...peerCheck.cursors },
      captured,
      auraHeaders,
      peerHeaders,
      peerVerified: peerCheck.verified,
    }
    const scenarios = buildScenarios(ctx, options.page)
    const contenders = { aura, ...(peer ? { peer } : {}), host, url: db.url, work }
    await warmUp(scenarios, contenders)
    const cells: Cell[] = []
    for (const s of scenarios)
      for (const c of options.concurrency) cells.push(await runCell(s, c, contenders))
    const mixed = scenarios.find((s) => s.key === 'mixed')
    if (mixed)
      cells.push(await runCell(overloadScenario(mixed, options.overload), options.overload, contenders))

    const report: Report = {
      started: started.toISOString(),
      smoke: options.smoke,
      durationSeconds: 0,
      secondsPerWindow: options.seconds,
      reps: options.reps,
      pool: options.pool,
      auraEntry: process.env.BENCH_AURA_ENTRY ?? 'web/server/main.ts',
      database: {
        tenant: f.slug,
        tenantDeals: f.counts.deals,
        tenantContacts: f.counts.contacts,
        tenants: f.counts.tenants,
        allDeals: f.counts.allDeals,
      },
      machine: machine(await postgresVersion(db.url)),
      loadAverage: { start: loadStart, end: loadAverage() },
      peakRssMb: { aura: aura.peakRssMb(), peer: peer ? peer.peakRssMb() : null },
      board,
      peerVerified: peerCheck.verified,
      cells,
      workersBundleGzipBytes: options.bundle ? workersBundleGzipBytes() : null,
    }
    report.durationSeconds = Math.round((Date.now() - started.getTime()) / 1000)
    const dir = options.smoke
      ? mkdtempSync(join(tmpdir(), 'aura-bench-smoke-'))
      : join(ROOT, 'e2e/bench/results')
    mkdirSync(dir, { recursive: true })
    const stamp = started.toISOString().replace(/[:.]/g, '-')
    writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`)
    writeFileSync(join(dir, `${stamp}.md`), markdown(report))
    process.stdout.write(`\n${markdown(report)}\n`)
    out(`results: ${join(dir, stamp)}.{md,json}`)
    // Smoke keeps every path working in CI: a peer that no longer verifies, a replay that fails or an
    // error answer fails the run (full runs report, they do not assert).
    const problems = options.smoke ? smokeProblems(report) : []
    if (problems.length) throw new Error(`smoke run found problems:\n${problems.join('\n')}`)
  } finally {
    for (const s of servers) await s.stop()
    await proxy?.close()
    rmSync(work, { recursive: true, force: true })
    await db.drop()
  }
}

/** Aura's SQL for every operation, recorded on the wire through the proxy. */
async function captureAll(
  f: TenantFacts,
  target: Endpoint & { proxy: WireProxy },
  cursors: { aura?: string | undefined },
): Promise<Captured> {
  out('recording the SQL of each operation')
  const ops = auraOps(f, cursors)
  const reads = {} as Record<ReadKey, Captured['reads'][ReadKey]>
  for (const key of Object.keys(ops) as ReadKey[]) reads[key] = await captureRead(target, ops[key])
  const deal = f.moveDeals[0]
  const lineDeal = f.lineDeals[0]
  if (!deal || !lineDeal) throw new Error('bench: no deals to write')
  const [a, b] = f.moveStages
  const from = deal.stageId === a.id ? a : b
  const to = from === a ? b : a
  const [away, back] = await captureWrites(target, [auraMove(deal.id, to), auraMove(deal.id, from)])
  const [add] = await captureWrites(target, [auraAddLine(f, lineDeal, 0)])
  if (!away || !back || !add) throw new Error('bench: a write was not recorded')
  return {
    reads,
    move: { dealId: deal.id, from: from.id, away, back },
    add: { dealId: lineDeal, sql: add },
  }
}

async function boardBytes(port: number, host: string, cookie: string, f: TenantFacts) {
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
async function warmUp(
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

function smokeProblems(r: Report): string[] {
  const problems = Object.entries(r.peerVerified)
    .filter(([, v]) => v !== true)
    .map(([k, v]) => `peer ${k}: ${v}`)
  if (options.peer && !Object.keys(r.peerVerified).length) problems.push('peer: nothing verified')
  for (const c of r.cells) {
    const named = (who: string, x?: { errors: number; fivexx: number; opsPerSec: number }) => {
      if (x && (x.errors || x.fivexx))
        problems.push(`${c.scenario} @${c.connections} ${who}: ${x.errors} errors, ${x.fivexx} 5xx`)
      if (x && !x.opsPerSec) problems.push(`${c.scenario} @${c.connections} ${who}: no operation completed`)
    }
    named('aura', c.aura)
    named('peer', c.peer)
    named('pgbench', c.raw)
    named('pgbench shaped', c.rawShaped)
  }
  return problems
}

async function postgresVersion(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const v = (await client.query<{ v: string }>('select version() as v')).rows[0]?.v ?? ''
    return v.split(' on ')[0] ?? v
  } finally {
    await client.end()
  }
}

function ensureWrk() {
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

await main()
