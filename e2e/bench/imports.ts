// Import throughput (issue 15, ADR 0174): a contacts file of N rows uploaded over HTTP, run in the
// background by the server under test, then undone; timed from the answers' own progress. Rows/s is the
// file's rows over the run (start → status done), the upload (decode, parse, store) timed apart.
import { httpRequest } from './http.ts'

export interface ImportMeasure {
  rows: number
  uploadSeconds: number
  runSeconds: number
  rowsPerSecond: number
  undoSeconds: number
  created: number
  rejected: number
}

const BOUNDARY = 'aura-bench-import'

/** A contacts file: unique e-mails (this run's), a phone and a title, about 80 bytes a row. */
export function contactsCsv(rows: number, tag: string): string {
  const lines = ['First name,Last name,Email,Phone,Title']
  for (let i = 1; i <= rows; i++)
    lines.push(
      `Import${i},Bench ${tag},import-${tag}-${i}@bench.example,+1 555 ${String(i).padStart(7, '0')},Buyer`,
    )
  return `${lines.join('\r\n')}\r\n`
}

function multipart(csv: string): string {
  return [
    `--${BOUNDARY}`,
    'Content-Disposition: form-data; name="entity"',
    '',
    'contact',
    `--${BOUNDARY}`,
    'Content-Disposition: form-data; name="file"; filename="bench.csv"',
    'Content-Type: text/csv',
    '',
    csv,
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n')
}

interface At {
  port: number
  host: string
  cookie: string
}

async function api(at: At, method: string, path: string, body?: string, type = 'application/json') {
  const res = await httpRequest({
    port: at.port,
    method,
    path: `/api/v1${path}`,
    host: at.host,
    headers: { cookie: at.cookie, ...(body ? { 'content-type': type } : {}) },
    ...(body ? { body } : {}),
  })
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`)
  return JSON.parse(res.text) as { id: string; status: string; counts: { created: number; rejected: number } }
}

async function until(at: At, id: string, status: string) {
  for (;;) {
    const imp = await api(at, 'GET', `/imports/${id}`)
    if (imp.status === status) return imp
    await new Promise((r) => setTimeout(r, 100))
  }
}

export async function measureImport(at: At, rows: number): Promise<ImportMeasure> {
  const body = multipart(contactsCsv(rows, `${rows}-${Date.now().toString(36)}`))
  const t0 = performance.now()
  const { id } = await api(at, 'POST', '/imports', body, `multipart/form-data; boundary=${BOUNDARY}`)
  const t1 = performance.now()
  await api(at, 'POST', `/imports/${id}/start`)
  const done = await until(at, id, 'done')
  const t2 = performance.now()
  await api(at, 'POST', `/imports/${id}/undo`)
  await until(at, id, 'undone')
  const t3 = performance.now()
  const s = (ms: number) => Math.round(ms) / 1000
  return {
    rows,
    uploadSeconds: s(t1 - t0),
    runSeconds: s(t2 - t1),
    rowsPerSecond: Math.round((rows / (t2 - t1)) * 1000),
    undoSeconds: s(t3 - t2),
    created: done.counts.created,
    rejected: done.counts.rejected,
  }
}

export function importsMarkdown(measures: ImportMeasure[]): string[] {
  if (measures.length === 0) return []
  return [
    '',
    '## Import throughput (contacts CSV over HTTP, background run, then undo)',
    '',
    '| rows | upload s | run s | **rows/s** | undo s | created | rejected |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...measures.map(
      (m) =>
        `| ${m.rows} | ${m.uploadSeconds} | ${m.runSeconds} | **${m.rowsPerSecond}** | ${m.undoSeconds} | ${m.created} | ${m.rejected} |`,
    ),
  ]
}
