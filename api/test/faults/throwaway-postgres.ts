// A Postgres cluster of a test's own, on a private port, that the test may stop and start: the shared
// server at 5432 must never be stopped under other suites. Needs root (initdb refuses root, so it runs as
// the postgres OS user) and Debian's PostgreSQL binaries; `available()` says whether both are here.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BIN = (() => {
  const root = '/usr/lib/postgresql'
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined
  return version ? join(root, version, 'bin') : null
})()

export const throwawayPostgresAvailable = () =>
  BIN !== null && process.getuid?.() === 0 && existsSync(join(BIN, 'initdb'))

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', join(BIN as string, cmd), ...args], { stdio: 'pipe' })

export function throwawayPostgres(port: number) {
  const dir = mkdtempSync(join(tmpdir(), 'aura-pg-'))
  chownSync(dir, uidOf('postgres'), gidOf('postgres'))
  const data = join(dir, 'data')
  asPostgres('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  const cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-w', '-l', join(dir, 'log'), 'start']),
    /** Like a crash or a pulled plug: no checkpoint, every connection cut. */
    kill: () => asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    /**
     * SIGKILL to the postmaster and every backend (an OOM kill): nothing is told, nothing flushed beyond what
     * was already written (fsync is off, so this models a killed server, not a lost machine).
     */
    crash: () => {
      const pid = readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]
      if (!pid) return
      execFileSync('pkill', ['-KILL', '-P', pid], { stdio: 'ignore' })
      execFileSync('kill', ['-KILL', pid], { stdio: 'ignore' })
      for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) execFileSync('sleep', ['0.05'])
    },
    remove: () => {
      try {
        cluster.kill()
      } catch {}
      rmSync(dir, { recursive: true, force: true })
    },
  }
  cluster.start()
  return cluster
}

const idOf = (flag: '-u' | '-g', user: string) => Number(execFileSync('id', [flag, user]).toString().trim())
const uidOf = (user: string) => idOf('-u', user)
const gidOf = (user: string) => idOf('-g', user)
