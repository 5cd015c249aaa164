// One process per embedded database (issue: two `npm start` in one checkout lost acknowledged writes).
// The lock is what `connect()` takes for a PGlite data directory; a second claim while the owner lives is
// refused with its pid, a lock left by a crashed process is taken over, and closing releases it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connect } from '../connect.ts'
import { claimDataDir, DataDirInUseError } from '../pglite-owner.ts'

const dirs: string[] = []
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'aura-owner-'))
  dirs.push(dir)
  return join(dir, 'nested', 'pglite')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A new data directory starts from the run's migrated template when there is one (initdb is slow). */
const openNew = (dataDir: string) => {
  const template = process.env.TEST_PGLITE_TEMPLATE
  return connect(`file://${dataDir}`, template ? { pgliteTemplate: new Blob([readFileSync(template)]) } : {})
}

/** The pid of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid as number

// Without a template (the Postgres run) a new data directory is an initdb: minutes on a loaded machine.
describe('embedded database ownership', { timeout: 180_000 }, () => {
  it('creates a missing data directory with its parents and opens it', async () => {
    const dataDir = freshDir()
    const conn = await openNew(dataDir)
    expect(existsSync(dataDir)).toBe(true)
    const result = (await conn.db.execute('select 1 as one')) as unknown as { rows: { one: number }[] }
    expect(result.rows[0]?.one).toBe(1)
    await conn.close()
    expect(existsSync(`${dataDir}.lock`)).toBe(false)
  })

  it('refuses a second opener while the owner lives, naming its pid, and frees it on close', async () => {
    const dataDir = freshDir()
    const first = await openNew(dataDir)
    const second = connect(`file://${dataDir}`)
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError)
    await expect(second).rejects.toThrow(`in use by process ${process.pid}`)
    await first.close()
    const again = await connect(`file://${dataDir}`)
    await again.close()
  })

  it('takes over a lock whose owner crashed', () => {
    const dataDir = freshDir()
    claimDataDir(dataDir)() // creates the directory, then releases
    const pid = deadPid()
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid, host: hostname(), boot: null, since: 'x' }))
    const release = claimDataDir(dataDir)
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(process.pid)
    release()
    expect(existsSync(`${dataDir}.lock`)).toBe(false)
  })

  it('takes over a lock written before a reboot even if its pid is alive now', () => {
    const dataDir = freshDir()
    claimDataDir(dataDir)()
    const before = { pid: process.pid, host: hostname(), boot: 'another-boot', since: 'x' }
    writeFileSync(`${dataDir}.lock`, JSON.stringify(before))
    // Only meaningful where the boot id is known (Linux); elsewhere a live pid is respected.
    if (!existsSync('/proc/sys/kernel/random/boot_id')) return
    claimDataDir(dataDir)()
  })

  it('never removes a lock another process took over', () => {
    const dataDir = freshDir()
    const release = claimDataDir(dataDir)
    const other = { pid: 1, host: hostname(), boot: null, since: 'x' }
    writeFileSync(`${dataDir}.lock`, JSON.stringify(other))
    release()
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(1)
  })
})
