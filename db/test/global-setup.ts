// Test database for a whole vitest run, migrated once.
// - DATABASE_URL set (a real Postgres): a fresh database named after the run, handed to the tests as
//   TEST_DATABASE_URL and dropped at the end.
// - Otherwise: a PGlite migrated once and dumped to a file (TEST_PGLITE_TEMPLATE); each test file starts
//   its own in-memory PGlite from that dump (see ./db.ts), isolated and without re-running migrations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { connect } from '../connect.ts'

export default async function setup() {
  const base = process.env.DATABASE_URL
  if (!base || base.startsWith('memory://')) return pgliteTemplate()
  const name = `aura_test_${Date.now()}_${process.pid}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  process.env.TEST_DATABASE_URL = url.toString()
  const conn = await connect(url.toString())
  await conn.migrate()
  await conn.close()
  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

async function pgliteTemplate() {
  const dir = mkdtempSync(join(tmpdir(), 'aura-pglite-'))
  const conn = await connect('memory://')
  await conn.migrate()
  const client = (conn.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client
  const dump = await client.dumpDataDir('none')
  const file = join(dir, 'template.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await conn.close()
  process.env.TEST_PGLITE_TEMPLATE = file
  return () => rmSync(dir, { recursive: true, force: true })
}
