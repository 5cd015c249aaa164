// One process per embedded database. PGlite keeps a data directory that only one process may open:
// two processes writing it each keep their own copy of the pages in memory, and the last to stop
// overwrites the other's acknowledged writes. A lock file beside the directory names its owner; a second
// process refuses at once, and a lock left behind by a crash (owner gone, or from before a reboot) is
// taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'

interface Owner {
  pid: number
  host: string
  /** Linux's boot id: a pid from before a reboot says nothing about the process using it now. */
  boot: string | null
  since: string
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: Owner | null,
  ) {
    super(
      `The embedded database ${dataDir} is in use by ${owner ? `process ${owner.pid} (since ${owner.since})` : 'another process'}. ` +
        'Stop that process first, or set DATABASE_URL to use another database.',
    )
    this.name = 'DataDirInUseError'
  }
}

const bootId = (): string | null => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return null
  }
}

function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true // another machine's process: we cannot tell, so respect it
  if (owner.boot && owner.boot !== bootId()) return false
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (err) {
    // EPERM: the pid exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(lockFile: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<Owner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as Owner) : null
  } catch {
    return null
  }
}

/**
 * Creates `dataDir` (and its parents) if missing and takes its lock, or throws DataDirInUseError.
 * Returns the release function; the lock is also removed when the process exits normally.
 */
export function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockFile = `${dataDir}.lock`
  const me: Owner = { pid: process.pid, host: hostname(), boot: bootId(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' })
      let released = false
      const release = () => {
        if (released) return
        released = true
        process.off('exit', release)
        if (readOwner(lockFile)?.pid === me.pid) rmSync(lockFile, { force: true })
      }
      process.on('exit', release)
      return release
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = readOwner(lockFile)
      // An unreadable lock is one being written this instant by another starter: treat it as taken.
      if (!owner) throw new DataDirInUseError(dataDir, null)
      if (isAlive(owner)) throw new DataDirInUseError(dataDir, owner)
      rmSync(lockFile, { force: true }) // stale: its owner crashed; take it over (once)
    }
  }
  throw new DataDirInUseError(dataDir, readOwner(lockFile))
}
