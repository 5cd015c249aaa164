// Mobile Lighthouse scores (performance, accessibility; best practices as information) of four pages of
// a 10,000-deal workspace, signed in as its admin (who sees every deal: the heaviest pages).
//
//   npm run lighthouse               aura_lighthouse database, tenant lh-10k (generated once, ~1-2 min)
//   npm run lighthouse -- --smoke    a 300-deal tenant in a scratch database, dropped afterwards
//
// Options: --runs=N (performance runs per page, default 3, smoke 1), --pages=dashboard,board,deals,deal,
// --cpu-slowdown=N (instead of Lighthouse's 4×) or --cpu-slowdown=calibrated (the multiplier Lighthouse's
// calculator gives for this machine's benchmarkIndex, measured first: calibrate.ts; ADR 0167),
// --assert-accessibility (after writing the results, exit with status 1, naming the pages, when a measured
// page's accessibility score is below 100; performance is never asserted: speed targets live in the
// reports, not in pass/fail).
// Environment: LH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/aura_lighthouse), LH_PORT
// (default 3471), LH_CHROME (default /usr/bin/chromium), LH_QUIET_BUSY / LH_QUIET_WAIT_S (before each run,
// wait until the CPUs are at most 25% busy, for up to 90 s; smoke: no wait).
// Results: e2e/lighthouse/results/<timestamp>.md and .json; the HTML report of every page's median run
// goes to a temporary folder (printed at the end).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { httpRequest, login } from '../bench/http.ts'
import { out } from '../bench/options.ts'
import { type Server, startAura } from '../bench/servers.ts'
import { type Calibration, calibrate } from './calibrate.ts'
import { heaviestDeal, prepareDatabase } from './database.ts'
import { loadText } from './machine.ts'
import { lighthouseRun, measurePage, type Page, type PageResult } from './measure.ts'
import {
  ASSERT_ACCESSIBILITY,
  CHROME,
  CPU_SLOWDOWN,
  ONLY_PAGES,
  PORT,
  QUIET_BUSY,
  QUIET_WAIT_S,
  ROLE,
  RUNS,
  SMOKE,
  TARGET,
  TENANT,
} from './options.ts'
import { writeResults } from './report.ts'

async function main(): Promise<PageResult[]> {
  const started = new Date()
  const loadStart = loadText()
  out(`load average at start: ${loadStart}`)
  const db = await prepareDatabase()
  const logDir = mkdtempSync(join(tmpdir(), 'aura-lighthouse-'))
  let server: Server | undefined
  try {
    try {
      server = await startAura(db.url, PORT, logDir)
    } catch (error) {
      // Another build of web/build may be under way: once more.
      out(`server did not start (${(error as Error).message.slice(0, 300)}); retrying once`)
      await new Promise((r) => setTimeout(r, 5_000))
      server = await startAura(db.url, PORT, logDir)
    }
    const host = `${db.slug}.localhost`
    const origin = `http://${host}:${PORT}`
    const email = `${ROLE}@${db.slug}.aura.test`
    const cookie = await login(PORT, host, email)
    const dealId = await heaviestDeal(db.url, db.slug)
    out(`server on ${origin}, signed in as ${email}, deal ${dealId}`)
    const pages: Page[] = [
      { key: 'dashboard', path: '/dashboard' },
      { key: 'board', path: '/board' },
      { key: 'deals', path: '/deals' },
      { key: 'deal', path: `/deals/${dealId}` },
    ].filter((p) => !ONLY_PAGES || ONLY_PAGES.includes(p.key))
    // Warm the server (first queries, caches) and check that the session opens each page.
    for (const p of pages)
      for (let i = 0; i < 2; i++) {
        const res = await httpRequest({ port: PORT, method: 'GET', path: p.path, host, headers: { cookie } })
        if (res.status !== 200) throw new Error(`GET ${p.path}: ${res.status} ${res.text.slice(0, 200)}`)
      }
    let calibration: Calibration | undefined
    if (CPU_SLOWDOWN === 'calibrated')
      calibration = await calibrate(`${origin}/dashboard`, (url) => lighthouseRun(url, cookie))
    const slowdown = calibration?.multiplier ?? (typeof CPU_SLOWDOWN === 'number' ? CPU_SLOWDOWN : undefined)
    const results: PageResult[] = []
    for (const p of pages) {
      out(`measuring ${p.key} (${RUNS} run${RUNS === 1 ? '' : 's'})`)
      results.push(await measurePage(p, origin, cookie, logDir, slowdown))
    }
    const loadEnd = loadText()
    out(`load average at end: ${loadEnd}`)
    const perRun = (pick: (r: PageResult['runs'][number]) => number) =>
      results.flatMap((p) => p.runs.map(pick)).join(', ')
    const meta = {
      started: started.toISOString(),
      mode: SMOKE ? `smoke (${TENANT.deals} deals, scratch database)` : `full (${TENANT.deals} deals)`,
      tenant: `${db.slug} (${origin})`,
      role: `${ROLE} (sees all deals) — ${email}`,
      'performance runs per page': String(RUNS),
      'CPU slowdown': calibration
        ? `${calibration.multiplier}× (calibrated: Lighthouse's calculator for benchmarkIndex ${calibration.median}, the median of ${calibration.indexes.join(', ')})`
        : CPU_SLOWDOWN === undefined
          ? '4× (Lighthouse default)'
          : `${CPU_SLOWDOWN}× (--cpu-slowdown)`,
      'benchmarkIndex (per run)': perRun((r) => r.benchmarkIndex),
      [`CPU busy % before each run (all processes; waited for ≤ ${Math.round(QUIET_BUSY * 100)}%, up to ${QUIET_WAIT_S} s)`]:
        perRun((r) => r.cpuBusyBefore),
      'CPU busy % during each run (all processes, this run’s Chrome and server included)': perRun(
        (r) => r.cpuBusyDuring,
      ),
      'load average (1/5/15 min) at start': loadStart,
      'load average (1/5/15 min) at end': loadEnd,
      lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version,
      chrome: CHROME,
      duration: `${Math.round((Date.now() - started.getTime()) / 1000)} s`,
    }
    const base = writeResults(started, meta, results)
    out(`wrote ${base}.md and .json; HTML reports in ${logDir}`)
    for (const p of results)
      out(
        `  ${p.key}: perf ${p.medianPerformance} (${p.runs.map((r) => r.performance).join(', ')}), a11y ${p.accessibility}, bp ${p.bestPractices}`,
      )
    return results
  } finally {
    await server?.stop()
    await db.drop()
  }
}

/** --assert-accessibility: the exit status (0 or 1), after saying which pages miss the target. */
function accessibilityStatus(results: PageResult[]): number {
  if (!ASSERT_ACCESSIBILITY) return 0
  const below = results.filter((p) => p.accessibility < TARGET.accessibility)
  if (!below.length) {
    out(`accessibility ${TARGET.accessibility} on every measured page`)
    return 0
  }
  process.stderr.write(
    `accessibility below ${TARGET.accessibility} on ${below.map((p) => `${p.key} (${p.accessibility})`).join(', ')}` +
      ' — see "Accessibility audits failing" in the written report\n',
  )
  return 1
}

main().then(
  (results) => process.exit(accessibilityStatus(results)),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
    process.exit(1)
  },
)
