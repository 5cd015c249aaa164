// npm run db:verify — checks DATABASE_URL as a restored database must be checked before it takes traffic
// (db/verify-database.ts): RLS forced, roles, append-only guards, every tenant's keys and deal totals.
// Prints row counts per table; exits 1 when anything fails.
import { connect } from '../connect.ts'
import { verifyDatabase } from '../verify-database.ts'

const conn = await connect()
try {
  const report = await verifyDatabase(conn.db)
  const out = (line: string) => process.stdout.write(`${line}\n`)
  out(`migrations applied: ${report.migrations}`)
  for (const [table, n] of Object.entries(report.counts)) out(`${table.padEnd(28)} ${n}`)
  for (const problem of report.problems) out(`PROBLEM: ${problem}`)
  out(report.problems.length === 0 ? 'verified: no problems' : `${report.problems.length} problems`)
  process.exitCode = report.problems.length === 0 ? 0 : 1
} finally {
  await conn.close()
}
