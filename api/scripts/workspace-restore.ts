// Restores a workspace archive into a new, empty workspace on the database DATABASE_URL names (the local
// PGlite when unset), for archives too large for the HTTP upload (ADR 0125):
//   npm run workspace:restore -- --file aura-acme-archive-2026-11-30.json --into acme-restored
// Create the workspace first (activate an account in the platform console); restored people have no
// password until they use "forgot password".
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { connect } from '@aura/db/connect'
import { AppError } from '../src/lib/problem.ts'
import { restoreAsOperator } from '../src/services/workspace-archive/restore-as-operator.ts'

const { values } = parseArgs({ options: { file: { type: 'string' }, into: { type: 'string' } } })

function fail(message: string): never {
  process.stderr.write(`workspace:restore: ${message}\n`)
  process.exit(1)
}

if (!values.file || !values.into) fail('usage: --file <archive.json> --into <workspace slug>')
let archive: unknown
try {
  archive = JSON.parse(readFileSync(values.file, 'utf8'))
} catch (err) {
  fail(`cannot read ${values.file} as JSON: ${(err as Error).message}`)
}

// Outside any request, like the maintenance jobs (ADR 0094): the one transaction of a large archive may run
// statements longer than a request's limit, and nothing waits behind it for a pooled connection.
const unbounded = { statementTimeoutMs: 0, lockTimeoutMs: 0 }
const conn = await connect(process.env.DATABASE_URL, { limits: unbounded })
try {
  const result = await restoreAsOperator(conn.db, { slug: values.into, archive, source: values.file })
  const lines = Object.entries(result.restored).map(([table, n]) => `  ${table}: ${n}`)
  process.stdout.write(
    `Restored into ${values.into} (${result.matchedUsers} people were already members):\n${lines.join('\n')}\n`,
  )
} catch (err) {
  const details =
    err instanceof AppError
      ? (err.extra.errors ?? []).map((e) => `\n  ${e.field}: ${e.message}`).join('')
      : ''
  process.stderr.write(`workspace:restore: ${(err as Error).message}${details}\n`)
  process.exitCode = 1
} finally {
  await conn.close()
}
