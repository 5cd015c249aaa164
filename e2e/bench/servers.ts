// The contenders as child processes (their own memory, read from /proc), output to a file: the runner
// blocks in wrk and pgbench for seconds, and a child writing into a pipe nobody reads would stall.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { httpRequest } from './http.ts'
import { options, ROOT } from './options.ts'

/**
 * Aura as `npm start` runs it: the bundled one-origin server (web pages + API in one process), rebuilt
 * first when the sources changed since the last build. BENCH_AURA_ENTRY=web/server/main.ts runs the
 * sources through tsx instead.
 */
export const AURA_ENTRY = process.env.BENCH_AURA_ENTRY ?? 'web/build/node/main.js'

export interface Server {
  name: string
  port: number
  child: ChildProcess
  log: string
  /** Peak resident memory so far (VmHWM), MB. */
  peakRssMb(): number
  stop(): Promise<void>
}

export async function startAura(databaseUrl: string, port: number, logDir: string): Promise<Server> {
  if (AURA_ENTRY.endsWith('.js'))
    execFileSync(process.execPath, ['web/scripts/build.mjs', '--if-stale'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  return startServer('aura', AURA_ENTRY, port, logDir, {
    DATABASE_URL: databaseUrl,
    ROOT_DOMAIN: 'localhost',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SEED_DEMO: '0',
    // The limiter still runs on every request; the benchmark's one user just never reaches the limit.
    RATE_LIMIT_USER_PER_MINUTE: '100000000',
  })
}

export function startPeer(databaseUrl: string, port: number, logDir: string): Promise<Server> {
  return startServer('peer', 'e2e/bench/peer/postgraphile-server.ts', port, logDir, {
    DATABASE_URL: databaseUrl,
    BENCH_POOL: String(options.pool),
    NODE_ENV: 'production',
  })
}

async function startServer(
  name: string,
  entry: string,
  port: number,
  logDir: string,
  env: Record<string, string>,
): Promise<Server> {
  const log = join(logDir, `${name}-${port}.log`)
  const fd = openSync(log, 'a')
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', fd, fd],
  })
  closeSync(fd)
  let exited: number | null = null
  child.on('exit', (code) => {
    exited = code ?? -1
  })
  const until = Date.now() + 120_000
  const probe = name === 'peer' ? '/graphql' : '/api/v1/health'
  for (;;) {
    if (exited !== null)
      throw new Error(`${name} exited with ${exited}: ${readFileSync(log, 'utf8').slice(-2000)}`)
    if (Date.now() > until) throw new Error(`${name} did not answer on port ${port} within 120 s`)
    const res = await httpRequest({ port, method: 'GET', path: probe, host: 'localhost' }).catch(() => null)
    if (res && res.status < 500) break
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    name,
    port,
    child,
    log,
    peakRssMb: () => peakRssMb(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve()
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(force)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    return Math.round(kb / 1024)
  } catch {
    return 0
  }
}
