// One page measured: its server time, RUNS Lighthouse runs (each after waiting for a quiet machine), the
// median run's HTML report, and what the runs say.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { generateReport, type Result } from 'lighthouse'
import { httpRequest } from '../bench/http.ts'
import { out } from '../bench/options.ts'
import { itemLines } from './details.ts'
import { type AuditFinding, diagnostics, failingAudits, pointsLost, resourceLines } from './findings.ts'
import { busySince, cpuTotals, waitForQuiet } from './machine.ts'
import { CHROME, CHROME_FLAGS, PORT, RUNS } from './options.ts'

export interface Page {
  key: string
  path: string
}

interface RunSummary {
  performance: number
  accessibility: number
  bestPractices: number
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; siMs: number; transferBytes: number }
  /** CPU busy % (all processes) just before the run. */
  cpuBusyBefore: number
  /** CPU busy % (all processes, Chrome and the server included) during the run. */
  cpuBusyDuring: number
  /** Lighthouse's CPU benchmark of this machine (lower = slower; its 4× slowdown assumes ~1000+). */
  benchmarkIndex: number
}

export interface PageResult {
  key: string
  url: string
  runs: RunSummary[]
  medianPerformance: number
  median: RunSummary
  /** Of the first run (accessibility and best practices do not depend on the machine's speed). */
  accessibility: number
  bestPractices: number
  failing: { performance: AuditFinding[]; accessibility: AuditFinding[]; bestPractices: AuditFinding[] }
  lcpElement: string[]
  /** Points each scored metric costs in the median run: (1 − metric score) × weight. */
  pointsLost: Record<string, number>
  /** Where the main-thread time goes (median run): long tasks, breakdown, per-script CPU, DOM size. */
  diagnostics: { title: string; lines: string[] }[]
  resources: string[]
  /** The server's own time for the page's HTML (median of 5 unthrottled GETs after warm-up) and its size. */
  server: { medianMs: number; htmlBytes: number }
  report: string
}

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
const num = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN

function summarise(lhr: Result, cpu: { before: number; during: number }): RunSummary {
  return {
    cpuBusyBefore: cpu.before,
    cpuBusyDuring: cpu.during,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    metrics: {
      fcpMs: num(lhr, 'first-contentful-paint'),
      lcpMs: num(lhr, 'largest-contentful-paint'),
      tbtMs: num(lhr, 'total-blocking-time'),
      cls: num(lhr, 'cumulative-layout-shift'),
      siMs: num(lhr, 'speed-index'),
      transferBytes: num(lhr, 'total-byte-weight'),
    },
  }
}

/**
 * One Lighthouse run in a fresh Chrome, signed in through the session cookie; `cpuSlowdown` replaces
 * Lighthouse's 4× when given.
 */
export async function lighthouseRun(url: string, cookie: string, cpuSlowdown?: number): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      extraHeaders: { Cookie: cookie },
      ...(cpuSlowdown === undefined ? {} : { throttling: { cpuSlowdownMultiplier: cpuSlowdown } }),
    })
    if (!result) throw new Error('lighthouse returned nothing')
    const lhr = result.lhr
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`)
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
      throw new Error(`ended at ${lhr.finalDisplayedUrl} instead of ${url} (signed out?)`)
    return lhr
  } finally {
    chrome.kill()
  }
}

async function serverTiming(path: string, host: string, cookie: string) {
  const times: number[] = []
  let htmlBytes = 0
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    const res = await httpRequest({ port: PORT, method: 'GET', path, host, headers: { cookie } })
    times.push(performance.now() - started)
    htmlBytes = res.bytes
  }
  times.sort((a, b) => a - b)
  return { medianMs: Math.round(times[2] ?? 0), htmlBytes }
}

export async function measurePage(
  page: Page,
  origin: string,
  cookie: string,
  reportDir: string,
  cpuSlowdown: number | undefined,
): Promise<PageResult> {
  const server = await serverTiming(page.path, new URL(origin).hostname, cookie)
  const url = `${origin}${page.path}`
  const lhrs: Result[] = []
  const runs: RunSummary[] = []
  for (let i = 0; i < RUNS; i++) {
    const before = await waitForQuiet()
    const totals = cpuTotals()
    let lhr: Result
    try {
      lhr = await lighthouseRun(url, cookie, cpuSlowdown)
    } catch (error) {
      out(`  ${page.key} run ${i + 1} failed (${(error as Error).message}); retrying once`)
      lhr = await lighthouseRun(url, cookie, cpuSlowdown)
    }
    const s = summarise(lhr, { before, during: Math.round(busySince(totals) * 100) })
    lhrs.push(lhr)
    runs.push(s)
    out(
      `  ${page.key} run ${i + 1}/${RUNS}: perf ${s.performance} a11y ${s.accessibility} bp ${s.bestPractices}` +
        ` (CPU busy ${s.cpuBusyBefore}% before, ${s.cpuBusyDuring}% during)` +
        ` (LCP ${Math.round(s.metrics.lcpMs)} ms, TBT ${Math.round(s.metrics.tbtMs)} ms)`,
    )
  }
  const order = runs.map((r, i) => ({ i, perf: r.performance })).sort((a, b) => a.perf - b.perf)
  const medianIndex = order[Math.floor(order.length / 2)]?.i ?? 0
  const medianLhr = lhrs[medianIndex] as Result
  const median = runs[medianIndex] as RunSummary
  const first = lhrs[0] as Result
  const report = join(reportDir, `${page.key}.html`)
  writeFileSync(report, generateReport(medianLhr, 'html'))
  return {
    key: page.key,
    url,
    runs,
    medianPerformance: median.performance,
    median,
    accessibility: score(first, 'accessibility'),
    bestPractices: score(first, 'best-practices'),
    failing: {
      performance: failingAudits(medianLhr, 'performance'),
      accessibility: failingAudits(first, 'accessibility'),
      bestPractices: failingAudits(first, 'best-practices'),
    },
    lcpElement: itemLines(medianLhr.audits['largest-contentful-paint-element']?.details),
    pointsLost: pointsLost(medianLhr),
    diagnostics: diagnostics(medianLhr),
    resources: resourceLines(medianLhr),
    server,
    report,
  }
}
