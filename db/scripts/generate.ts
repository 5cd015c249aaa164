// npm run db:generate-data -- --scale standard --seed 42 [--only big] [--reset] [--workers 2] [--chunk 2000]
//   [--indexes auto|keep|rebuild]
// Bulk-loads generated tenants into DATABASE_URL (PGlite under .data/ when unset; migrate it first) and
// prints timings and row counts. See docs/decisions/0070-bulk-data-generator.md.
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { connect } from '../connect.ts'
import { type GenerateReport, generateData, SCALES, type ScaleName } from '../seed/generate/index.ts'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'tiny' },
    seed: { type: 'string', default: '42' },
    only: { type: 'string', multiple: true },
    reset: { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
    chunk: { type: 'string', default: '2000' },
    indexes: { type: 'string', default: 'auto' },
    'no-password': { type: 'boolean', default: false },
  },
})

const scale = values.scale as ScaleName
if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`)
const out = (line: string) => process.stdout.write(`${line}\n`)
const conn = await connect(process.env.DATABASE_URL, { max: Number(values.workers) + 1 })
try {
  out(`generating scale ${scale}, seed ${values.seed} into ${conn.kind}`)
  const report = await generateData(conn.db, {
    scale,
    seed: Number(values.seed),
    only: values.only?.flatMap((o) => o.split(',')),
    reset: values.reset,
    workers: conn.kind === 'pglite' ? 1 : Number(values.workers),
    chunk: Number(values.chunk),
    indexes: await indexMode(values.indexes),
    password: values['no-password'] ? null : undefined,
    log: out,
  })
  summarize(report).forEach(out)
} finally {
  await conn.close()
}

/** 'auto': rebuild indexes when no deals exist yet (a scratch database), keep them otherwise. */
async function indexMode(mode: string): Promise<'keep' | 'rebuild'> {
  if (mode === 'keep' || mode === 'rebuild') return mode
  if (mode !== 'auto') throw new Error('--indexes must be auto, keep or rebuild')
  const result = (await conn.db.execute(
    sql`select not exists (select 1 from deals) as empty`,
  )) as unknown as {
    rows: { empty: boolean }[]
  }
  return result.rows[0]?.empty ? 'rebuild' : 'keep'
}

function summarize(report: GenerateReport): string[] {
  const parts = new Map<string, number>()
  for (const t of report.tenants)
    for (const [p, n] of Object.entries(t.ms)) parts.set(p, (parts.get(p) ?? 0) + n)
  return [
    `tenants ${report.tenants.length}, trigger bypass '${report.bypass}'`,
    `time: reset ${report.ms.reset} ms, load ${report.ms.load} ms, indexes ${report.ms.indexes} ms, analyze ${report.ms.analyze} ms, verify ${report.ms.verify} ms, total ${report.ms.total} ms`,
    `load time summed over tenants: ${[...parts].map(([p, n]) => `${p} ${n} ms`).join(', ')}`,
    'rows:',
    ...Object.entries(report.rows).map(([table, n]) => `  ${table.padEnd(22)} ${n.toLocaleString('en-US')}`),
  ]
}
