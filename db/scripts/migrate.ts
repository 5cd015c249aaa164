// npm run db:migrate — applies pending migrations to DATABASE_URL (PGlite under .data/ when unset).
import { connect } from '../connect.ts'

const conn = await connect()
const started = performance.now()
try {
  await conn.migrate()
  process.stdout.write(`migrated (${conn.kind}) in ${Math.round(performance.now() - started)} ms\n`)
} finally {
  await conn.close()
}
