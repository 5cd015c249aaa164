// What a Lighthouse result says beyond its scores: the audits losing points, the largest requests, the
// points each metric costs and where the main-thread time goes.
import type { Result } from 'lighthouse'
import { itemLines, kib } from './details.ts'

export interface AuditFinding {
  id: string
  title: string
  score: number | null
  displayValue?: string
  /** Lighthouse's estimate of the metric time this audit costs (e.g. "LCP 300 ms, FCP 150 ms"). */
  metricSavings?: string
  /** One line per offending node / resource (at most 20). */
  items: string[]
  more: number
}

const NOT_SCORED = new Set(['notApplicable', 'manual', 'informative', 'error'])

/** Audits of a category that lose points (score < 1), heaviest weight first. */
export function failingAudits(lhr: Result, category: string): AuditFinding[] {
  const refs = lhr.categories[category]?.auditRefs ?? []
  const found: (AuditFinding & { weight: number })[] = []
  for (const ref of refs) {
    const audit = lhr.audits[ref.id]
    if (!audit || audit.score === null || audit.score >= 1) continue
    if (NOT_SCORED.has(audit.scoreDisplayMode)) continue
    // Performance: the metric audits are reported in the table, the rest only when they cost time, and
    // the hidden group (the insight twins of the classic audits, TTI, max potential FID) is left out.
    if (category === 'performance' && (ref.group === 'metrics' || ref.group === 'hidden')) continue
    if (category === 'performance' && audit.score >= 0.9 && ref.weight === 0) continue
    const lines = itemLines(audit.details)
    const savings = Object.entries(audit.metricSavings ?? {}).filter(
      ([, v]) => typeof v === 'number' && v > 0,
    )
    found.push({
      id: ref.id,
      title: audit.title,
      score: audit.score,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      ...(savings.length
        ? {
            metricSavings: savings
              .map(([k, v]) => `${k} ${k === 'CLS' ? v : `${Math.round(v as number)} ms`}`)
              .join(', '),
          }
        : {}),
      items: lines.slice(0, 20),
      more: Math.max(0, lines.length - 20),
      weight: ref.weight,
    })
  }
  return found
    .sort((a, b) => b.weight - a.weight || (a.score ?? 0) - (b.score ?? 0))
    .map(({ weight: _, ...finding }) => finding)
}

/** The 15 largest requests by transfer size. */
export function resourceLines(lhr: Result): string[] {
  const details = lhr.audits['network-requests']?.details as
    | { items?: { url: string; resourceType?: string; transferSize?: number; resourceSize?: number }[] }
    | undefined
  return (details?.items ?? [])
    .filter((r) => !r.url.startsWith('data:'))
    .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
    .slice(0, 15)
    .map(
      (r) =>
        `${r.resourceType ?? '?'} ${kib(r.transferSize ?? 0)} transferred (${kib(r.resourceSize ?? 0)} decoded) ${r.url}`,
    )
}

const METRIC_NAMES: Record<string, string> = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI',
}

/** Points each scored metric costs: (1 − metric score) × weight. */
export function pointsLost(lhr: Result): Record<string, number> {
  const lost: Record<string, number> = {}
  for (const ref of lhr.categories.performance?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id]
    if (!ref.weight || !audit) continue
    lost[METRIC_NAMES[ref.id] ?? ref.id] = Math.round((1 - (audit.score ?? 0)) * ref.weight * 10) / 10
  }
  return lost
}

const DIAGNOSTICS: [string, string][] = [
  ['long-tasks', 'Long main-thread tasks (simulated durations: observed × CPU slowdown)'],
  ['mainthread-work-breakdown', 'Main-thread work by category'],
  ['bootup-time', 'CPU time per script/document (total · scripting · parse)'],
  ['dom-size', 'DOM size'],
  ['server-response-time', 'Server response time (observed)'],
]

/** Where the main-thread time goes: long tasks, breakdown, per-script CPU, DOM size, server response. */
export function diagnostics(lhr: Result): { title: string; lines: string[] }[] {
  return DIAGNOSTICS.map(([id, title]) => {
    const audit = lhr.audits[id]
    const lines = itemLines(audit?.details).slice(0, 12)
    return { title: `${title}${audit?.displayValue ? ` — ${audit.displayValue}` : ''}`, lines }
  }).filter((d) => d.lines.length)
}
