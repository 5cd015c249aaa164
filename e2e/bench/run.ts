// npm run bench [-- --smoke] [--no-bundle] [--no-peer] [--in-place]: Aura side by side with PostGraphile 5
// and with its own SQL through pgbench (prepared), in one run with interleaved windows. See
// docs/decisions/0120-benchmark-method.md.
//   BENCH_DATABASE_URL  full: the standard generated data (default postgres://…/aura_bench; migrated, and
//                       generated when missing), copied per run; smoke: a server to create a scratch db on
//   BENCH_SECONDS (5; smoke 2) seconds per window, BENCH_REPS (3; smoke 1) windows per contender
//   BENCH_POOL (10) pool size of both servers, BENCH_AURA_ENTRY (web/build/node/main.js), PGBENCH (pgbench)
//   BENCH_ONLY      scenario keys to run (e.g. listP1,deal,mixed,overload,imports); all by default
//   BENCH_IMPORT_ROWS rows per imported contacts file (10000,100000; smoke 1000)
// Writes e2e/bench/results/<timestamp>.{md,json} (smoke: a temp directory).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recordReads, recordWrites } from './capture/record-operations.ts'
import { startWireProxy, type WireProxy } from './capture/wire-proxy.ts'
import { prepareDatabase } from './database.ts'
import { tenantFacts } from './facts.ts'
import { login } from './http.ts'
import { type ImportMeasure, measureImport } from './imports.ts'
import { loadAverage, machine, workersBundleGzipBytes } from './machine.ts'
import { options, out, ROOT } from './options.ts'
import { auraCursor, type Endpoint, verifyPeerReads, verifyPeerWrites } from './peer/verify.ts'
import { markdown, type Report } from './report.ts'
import { boardBytes, ensureWrk, postgresVersion, smokeProblems, warmUp } from './run-steps.ts'
import { buildScenarios, overloadScenario } from './scenarios/scenarios.ts'
import { AURA_ENTRY, type Server, startAura, startPeer } from './servers.ts'
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
    const reads = await recordReads(f, { ...recorderAt, proxy }, cursors)
    const peerAt = peer ? { port: peer.port, host: 'localhost', headers: peerHeaders } : undefined
    out('verifying the peer against Aura')
    const peerCheck = peerAt
      ? await verifyPeerReads(f, recorderAt, peerAt, options.page, cursors.aura)
      : { verified: {}, cursors }
    const captured = { reads, ...(await recordWrites(f, { ...recorderAt, proxy })) }
    if (peerAt) Object.assign(peerCheck.verified, await verifyPeerWrites(f, recorderAt, peerAt, db.url))
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
    const chosen = (key: string) => !options.only || options.only.includes(key)
    const scenarios = buildScenarios(ctx, options.page).filter((s) => chosen(s.key))
    const contenders = { aura, ...(peer ? { peer } : {}), host, url: db.url, work }
    await warmUp(scenarios, contenders)
    const cells: Cell[] = []
    for (const s of scenarios)
      for (const c of options.concurrency) cells.push(await runCell(s, c, contenders))
    const mixed = scenarios.find((s) => s.key === 'mixed')
    if (mixed && chosen('overload'))
      cells.push(await runCell(overloadScenario(mixed, options.overload), options.overload, contenders))
    const imports: ImportMeasure[] = []
    if (chosen('imports'))
      for (const rows of options.importRows) {
        out(`importing ${rows} contacts`)
        imports.push(await measureImport({ port: aura.port, host, cookie }, rows))
      }

    const report: Report = {
      started: started.toISOString(),
      smoke: options.smoke,
      durationSeconds: 0,
      secondsPerWindow: options.seconds,
      reps: options.reps,
      pool: options.pool,
      auraEntry: AURA_ENTRY,
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
      imports,
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
await main()
