// The run's results as e2e/lighthouse/results/<timestamp>.md (for people) and .json (for comparisons).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { out, ROOT } from '../bench/options.ts'
import { kib } from './details.ts'
import type { AuditFinding } from './findings.ts'
import type { PageResult } from './measure.ts'
import { RESULTS, SMOKE, TARGET } from './options.ts'

const lostText = (lost: Record<string, number>) =>
  Object.entries(lost)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—'

function markdown(meta: Record<string, string>, pages: PageResult[]): string {
  const ms = (n: number) => `${Math.round(n)} ms`
  const lines: string[] = [`# Lighthouse (mobile) — ${meta.started}`, '']
  for (const [k, v] of Object.entries(meta)) lines.push(`- ${k}: ${v}`)
  lines.push(
    '',
    'Points lost: (1 − metric score) × metric weight in the median run (weights FCP 10, SI 10, LCP 25, TBT 30, ' +
      'CLS 25). Server time: median of 5 unthrottled GETs of the HTML from Node, before the Lighthouse runs.',
    '',
    `Targets: performance ≥ ${TARGET.performance}, accessibility ${TARGET.accessibility}. ` +
      'Lighthouse defaults: mobile form factor, simulated throttling (Slow 4G, 4× CPU unless "CPU slowdown" above says otherwise).',
    '',
    '| page | perf (median) | perf runs | FCP | LCP | TBT | CLS | SI | transfer | a11y | best practices | points lost (median run) | server time / HTML |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  )
  for (const p of pages) {
    const m = p.median.metrics
    lines.push(
      `| ${p.key} (\`${new URL(p.url).pathname}\`) | **${p.medianPerformance}** | ${p.runs.map((r) => r.performance).join(', ')} | ` +
        `${ms(m.fcpMs)} | ${ms(m.lcpMs)} | ${ms(m.tbtMs)} | ${m.cls.toFixed(3)} | ${ms(m.siMs)} | ${kib(m.transferBytes)} | ` +
        `**${p.accessibility}** | ${p.bestPractices} | ${lostText(p.pointsLost)} | ` +
        `${p.server.medianMs} ms / ${kib(p.server.htmlBytes)} |`,
    )
  }
  for (const p of pages) lines.push(...pageSection(p))
  return `${lines.join('\n')}\n`
}

/** A page's section: its scores and, where it misses a target, why. */
function pageSection(p: PageResult): string[] {
  const belowPerf = p.medianPerformance < TARGET.performance
  const belowA11y = p.accessibility < TARGET.accessibility
  const lines = ['', `## ${p.key} — ${new URL(p.url).pathname}`, '']
  lines.push(
    `Performance ${p.medianPerformance}${belowPerf ? ' (below target)' : ''}, accessibility ${p.accessibility}` +
      `${belowA11y ? ' (below target)' : ''}, best practices ${p.bestPractices}. HTML report: ${p.report}`,
  )
  if (p.lcpElement.length) lines.push('', `LCP element: ${p.lcpElement.join(' / ')}`)
  const sections: [string, AuditFinding[], boolean][] = [
    ['Performance audits losing points (median run)', p.failing.performance, belowPerf],
    ['Accessibility audits failing', p.failing.accessibility, belowA11y],
    ['Best-practices audits failing (information)', p.failing.bestPractices, true],
  ]
  for (const [title, findings, show] of sections) {
    if (!show || !findings.length) continue
    lines.push('', `### ${title}`, '')
    for (const f of findings) {
      lines.push(
        `- **${f.title}** (\`${f.id}\`, score ${f.score}${f.displayValue ? `, ${f.displayValue}` : ''}` +
          `${f.metricSavings ? `; savings ${f.metricSavings}` : ''})`,
      )
      for (const item of f.items) lines.push(`  - ${item.replaceAll('|', '\\|')}`)
      if (f.more) lines.push(`  - … ${f.more} more`)
    }
  }
  if (belowPerf) {
    lines.push('', '### Where the main-thread time goes (median run)')
    for (const d of p.diagnostics) {
      lines.push('', `${d.title}:`, '')
      for (const l of d.lines) lines.push(`- ${l.replaceAll('|', '\\|')}`)
    }
  }
  if (belowPerf && p.resources.length) {
    lines.push('', '### Largest requests (median run)', '')
    for (const r of p.resources) lines.push(`- ${r}`)
  }
  return lines
}

/** Writes <RESULTS>/<started>[-smoke].md and .json; returns their common path without the extension. */
export function writeResults(started: Date, meta: Record<string, string>, pages: PageResult[]): string {
  mkdirSync(RESULTS, { recursive: true })
  const stamp = started.toISOString().replaceAll(':', '-').replace('.', '-')
  const base = join(RESULTS, `${stamp}${SMOKE ? '-smoke' : ''}`)
  writeFileSync(`${base}.md`, markdown(meta, pages))
  writeFileSync(`${base}.json`, `${JSON.stringify({ meta, target: TARGET, pages }, null, 2)}\n`)
  // In the repository's format, so `npm run lint` passes with the results committed.
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', `${base}.json`], {
      cwd: ROOT,
      stdio: 'ignore',
    })
  } catch {
    out('biome format of the JSON failed (left as written)')
  }
  return base
}
