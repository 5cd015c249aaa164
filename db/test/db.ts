// The database a test file works on: the run's migrated Postgres when DATABASE_URL is set, otherwise an
// in-memory PGlite of its own, started from the run's migrated template. Tests never mock the database.
import { readFileSync } from 'node:fs'
import { type Connection, connect } from '../connect.ts'

export async function testDb(): Promise<Connection> {
  const url = process.env.TEST_DATABASE_URL
  if (url) return connect(url)
  const template = process.env.TEST_PGLITE_TEMPLATE
  if (template) return connect('memory://', { pgliteTemplate: new Blob([readFileSync(template)]) })
  const conn = await connect('memory://')
  await conn.migrate()
  return conn
}
