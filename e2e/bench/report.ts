// One markdown table per run (and the full JSON beside it): per scenario and concurrency, each
// contender's median, the ratios Aura ÷ PostGraphile and Aura ÷ prepared pgbench, and the run's context.
import { type ImportMeasure, importsMarkdown } from './imports.ts'
import type { Machine } from './machine.ts'
import type { Cell, Summary } from './windows.ts'

export interface Report {
  started: string
  smoke: boolean
  durationSeconds: number
  secondsPerWindow: number
  reps: number
  pool: number
  auraEntry: string
  database: { tenant: string; tenantDeals: number; tenantContacts: number; tenants: number; allDeals: number }
  machine: Machine
  loadAverage: { start: number[]; end: number[] }
  peakRssMb: { aura: number; peer: number | null }
  board: { htmlBytes: number; gzipBytes: number } | null
  /** Peer verification per scenario: true, or why the peer was not timed. */
  peerVerified: Record<string, string | true>
  cells: Cell[]
  imports: ImportMeasure[]
  workersBundleGzipBytes: number | null
}

const ratio = (a: number, b?: number) => (b ? (Math.round((a / b) * 100) / 100).toString() : '–')
const fmt = (s?: Summary) => (s ? `${s.opsPerSec}` : '–')
const lat = (s?: Summary) => (s ? `${s.p50} / ${s.p95} / ${s.p99}` : '–')

export function markdown(r: Report): string {
  const m = r.machine
  const lines = [
    `# Aura bench ${r.started}${r.smoke ? ' (smoke)' : ''}`,
    '',
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGb} GB RAM, ${m.postgres}, Node ${m.node}, ${m.wrk}, ${m.pgbench}.`,
    `Load average ${r.loadAverage.start.join(' / ')} at start, ${r.loadAverage.end.join(' / ')} at end (shared machine). Run took ${Math.round(r.durationSeconds / 60)} min.`,
    `Data: ${r.database.tenants} tenants, ${r.database.allDeals} deals; measured tenant ${r.database.tenant} (${r.database.tenantDeals} deals, ${r.database.tenantContacts} contacts), as its manager.`,
    `Method: ${r.reps} interleaved windows of ${r.secondsPerWindow} s per contender (Aura, PostGraphile, pgbench plain, pgbench request-shaped, in turn); medians. ` +
      `Aura = \`${r.auraEntry}\` (as \`npm start\`), PostGraphile 5.0.0-rc.3 (crm_app + the same app.* settings per request), both pool ${r.pool}, loopback, wrk 2 threads. ` +
      'pgbench = the SQL Aura sent for the operation (recorded on the wire), `-M prepared`: plain = its tenant transaction(s) only, shaped = every statement of the request. ' +
      'Deal + line items is one request on each side (Aura `GET /deals/{id}?include=lineItems`, the peer one GraphQL query).',
    '',
    '| scenario | c | Aura op/s | Aura p50 / p95 / p99 ms | p99÷p50 | err | 5xx | PostGraphile op/s | peer p50 / p95 / p99 ms | **Aura ÷ peer** | pgbench op/s | pgbench p50 ms | **Aura ÷ pgbench** | shaped op/s | Aura ÷ shaped | stmts / tx per op |',
    '|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ]
  for (const c of r.cells) {
    const a = c.aura
    const st = c.statements
      ? `${c.statements.statements} / ${c.statements.transactions}${c.statements.writes ? ` (${c.statements.writes} w)` : ''}`
      : '–'
    lines.push(
      `| ${c.scenario} | ${c.connections} | ${a.opsPerSec} | ${lat(a)} | ${ratio(a.p99, a.p50)} | ${a.errors} | ${a.fivexx}${a.shed ? ` (+${a.shed} shed)` : ''} | ${c.peer ? fmt(c.peer) : (c.peerNote ?? '–')} | ${lat(c.peer)} | ${ratio(a.opsPerSec, c.peer?.opsPerSec)} | ${fmt(c.raw)} | ${c.raw?.p50 ?? '–'} | ${ratio(a.opsPerSec, c.raw?.opsPerSec)} | ${fmt(c.rawShaped)} | ${ratio(a.opsPerSec, c.rawShaped?.opsPerSec)} | ${st} |`,
    )
  }
  const peerErrors = r.cells
    .filter((c) => c.peer?.errors)
    .map((c) => `${c.scenario} @${c.connections}: ${c.peer?.errors}`)
  const rawErrors = r.cells.flatMap((c) =>
    [c.raw, c.rawShaped].flatMap(
      (x) =>
        x?.windows
          .filter((w) => w.errors)
          .map((w) => `${c.scenario} @${c.connections}: ${w.firstError ?? w.errors}`) ?? [],
    ),
  )
  lines.push(
    '',
    `Peer verification (same ids in the same order before timing; writes change the same rows): ${Object.entries(
      r.peerVerified,
    )
      .map(([k, v]) => `${k} ${v === true ? 'ok' : v}`)
      .join('; ')}.`,
    `Peer errors: ${peerErrors.length ? peerErrors.join('; ') : 'none'}. pgbench errors: ${rawErrors.length ? rawErrors.slice(0, 3).join('; ') : 'none'}.`,
    `Board page: ${r.board ? `${Math.round(r.board.htmlBytes / 1024)} KB HTML (${Math.round(r.board.gzipBytes / 1024)} KB gzipped)` : 'not measured'}. ` +
      `Peak RSS (VmHWM): Aura ${r.peakRssMb.aura} MB, PostGraphile ${r.peakRssMb.peer ?? '–'} MB. Workers bundle: ${
        r.workersBundleGzipBytes === null
          ? 'not measured'
          : `${Math.round(r.workersBundleGzipBytes / 1024)} KiB gzipped`
      }.`,
    "Writes differ in kind: Aura's move locks the deal, checks the stage and writes stage history and audit; its add prices the line from the blueprint, locks the deal and audits. The peer's are the plain CRUD update/insert (the deal-total trigger runs on both).",
    ...importsMarkdown(r.imports),
    '',
  )
  return lines.join('\n')
}
