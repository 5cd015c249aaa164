// Test database for a whole vitest run. With DATABASE_URL (a real Postgres) we create a fresh database
// named after the run, migrate it once, hand its URL to the tests as TEST_DATABASE_URL and drop it at
// the end. Without it, each test file makes its own in-memory PGlite (see ./db.ts).
import pg from 'pg'
import { connect } from '../connect.ts'

export default async function setup() {
  const base = process.env.DATABASE_URL
  if (!base || base.startsWith('memory://')) return
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
