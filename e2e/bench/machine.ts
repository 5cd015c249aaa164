// Facts about the machine a run happened on, and the Workers bundle size (the API's other runtime).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { out, ROOT } from './options.ts'

export const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100)

export function machine(postgres: string) {
  const kb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0)
  const first = (cmd: string, args: string[]) =>
    (spawnSync(cmd, args, { encoding: 'utf8' }).stdout ?? '').split('\n')[0]?.trim() ?? ''
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? '?',
    memoryGb: Math.round(kb / 1024 / 1024),
    postgres,
    node: process.version,
    wrk: first('wrk', ['--version']).replace(/ Copyright.*/, ''),
    pgbench: first('pgbench', ['--version']),
  }
}
export type Machine = ReturnType<typeof machine>

/** Gzipped size of the Workers bundle (wrangler --dry-run), or null when it cannot be built here. */
export function workersBundleGzipBytes(): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'aura-worker-'))
  try {
    execFileSync(
      'npm',
      [
        'exec',
        '-w',
        'api',
        '--',
        'wrangler',
        'deploy',
        '-c',
        '../wrangler.toml',
        '--dry-run',
        '--outdir',
        dir,
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      },
    )
    let total = 0
    for (const name of readdirSync(dir, { recursive: true })
      .map(String)
      .filter((n) => /\.(m?js|wasm)$/.test(n)))
      total += Number(
        execFileSync('sh', ['-c', `gzip -9 -c "${join(dir, name)}" | wc -c`], { encoding: 'utf8' }).trim(),
      )
    return total
  } catch (error) {
    out(`bundle size skipped: ${String(error).slice(0, 200)}`)
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
