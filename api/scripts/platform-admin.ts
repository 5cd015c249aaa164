// Creates or promotes a platform admin (the ops persona of F1.3/F1.4) on the database DATABASE_URL names
// (the local PGlite when unset):
//   npm run platform:admin -- --email ops@example.com --password 'a long passphrase' [--name 'Ops']
import { parseArgs } from 'node:util'
import { connect } from '@aura/db/connect'
import { PASSWORD_MAX, PASSWORD_MIN } from '@aura/db/passwords'
import { ZEmail } from '../src/lib/account-fields.ts'
import { ensurePlatformAdmin } from '../src/services/platform/ensure-platform-admin.ts'

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
})

function fail(message: string): never {
  process.stderr.write(`platform:admin: ${message}\n`)
  process.exit(1)
}

const email = ZEmail.safeParse(values.email ?? '')
if (!email.success) fail('--email must be a valid email address')
const password = values.password
if (password !== undefined && (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX))
  fail(`--password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters`)

const conn = await connect()
try {
  const admin = await ensurePlatformAdmin(conn.db, { email: email.data, password, name: values.name })
  process.stdout.write(
    `${admin.created ? 'Created' : 'Promoted'} platform admin ${admin.email} (${admin.id})\n`,
  )
} catch (err) {
  fail((err as Error).message)
} finally {
  await conn.close()
}
