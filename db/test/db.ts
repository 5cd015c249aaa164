// The database a test file works on: the run's migrated Postgres when DATABASE_URL is set, otherwise
// a fresh in-memory PGlite migrated for this file. Tests never mock the database.
import { type Connection, connect } from '../connect.ts'

export async function testDb(): Promise<Connection> {
  const url = process.env.TEST_DATABASE_URL
  if (url) return connect(url)
  const conn = await connect('memory://')
  await conn.migrate()
  return conn
}
