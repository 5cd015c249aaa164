// What one benchmark run does, from the command line and the environment (see run.ts for the list).
import { fileURLToPath } from 'node:url'

const argv = process.argv.slice(2)
const SMOKE = argv.includes('--smoke')
const flag = (name: string) => argv.includes(name)
const num = (name: string, fallback: number) => {
  const value = process.env[name]
  return value === undefined || value === '' ? fallback : Number(value)
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const options = {
  smoke: SMOKE,
  /** Seconds per measured window. */
  seconds: num('BENCH_SECONDS', SMOKE ? 2 : 5),
  /** Windows per contender and scenario; the report shows the median. */
  reps: num('BENCH_REPS', SMOKE ? 1 : 3),
  concurrency: SMOKE ? [4] : [1, 50],
  overload: SMOKE ? 50 : 1000,
  /** Pool size of both servers (Aura's production default is 10). */
  pool: num('BENCH_POOL', 10),
  /** Deal-list page reached through cursors (page 1 is the other list scenario). */
  page: SMOKE ? 3 : 200,
  bundle: !flag('--no-bundle'),
  peer: !flag('--no-peer'),
  /** Run on the benchmark database itself instead of a throwaway copy (writes then stay in it). */
  inPlace: flag('--in-place'),
  databaseUrl: process.env.BENCH_DATABASE_URL,
  /** Only these scenario keys (BENCH_ONLY=listP1,deal; 'overload' included), for a quick look at a few. */
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined,
  pgbench: process.env.PGBENCH ?? 'pgbench',
  /** Rows of each contacts file the import scenario uploads (BENCH_IMPORT_ROWS=10000,100000). */
  importRows: process.env.BENCH_IMPORT_ROWS
    ? process.env.BENCH_IMPORT_ROWS.split(',').map(Number)
    : SMOKE
      ? [1000]
      : [10_000, 100_000],
  /** Four consecutive ports from BENCH_PORT_BASE (default: per process, so two runs never collide). */
  ports: portsFrom(Number(process.env.BENCH_PORT_BASE ?? 20_000 + (process.pid % 2_000) * 4)),
} as const

function portsFrom(base: number) {
  return { aura: base, peer: base + 1, proxy: base + 2, auraCapture: base + 3 }
}

export type Options = typeof options

const t0 = performance.now()
/** A progress line, stamped with the seconds since the run started. */
export const out = (line: string) =>
  process.stdout.write(`[${Math.round((performance.now() - t0) / 1000)}s] ${line}\n`)
