// Starts `wrangler dev` (the API inside workerd) on a free loopback port and stops its whole process
// group. Needs no Cloudflare login; metrics off; it writes only under the gitignored .wrangler/.
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import net from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const WRANGLER = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin/wrangler.js',
)

export interface WranglerDev {
  origin: string
  /** Everything wrangler and the Worker printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export async function startWranglerDev(
  vars: Record<string, string>,
  readyWithinMs = 30_000,
): Promise<WranglerDev> {
  const port = await freePort()
  const args = [WRANGLER, 'dev', '-c', 'wrangler.toml', '--ip', '127.0.0.1', '--port', String(port)]
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`)
  // --test-scheduled: GET /__scheduled?cron=… runs the scheduled handler, as a Cron Trigger would.
  args.push('--show-interactive-dev-session=false', '--log-level', 'info', '--test-scheduled')
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
  })
  let log = ''
  child.stdout?.on('data', (chunk) => {
    log += chunk
  })
  child.stderr?.on('data', (chunk) => {
    log += chunk
  })
  const dev: WranglerDev = { origin: `http://127.0.0.1:${port}`, output: () => log, stop: () => stop(child) }
  const deadline = Date.now() + readyWithinMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      await fetch(`${dev.origin}/`, { signal: AbortSignal.timeout(2_000) })
      return dev
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  const why =
    child.exitCode === null ? `was not ready within ${readyWithinMs} ms` : `exited (${child.exitCode})`
  await dev.stop()
  throw new Error(`wrangler dev ${why}:\n${log}`)
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
