// npm run db:seed — migrates, then writes the demo workspace once (idempotent) and prints its logins.
import { connect } from '../connect.ts'
import { seedDemo } from '../seed/demo.ts'

const conn = await connect()
try {
  await conn.migrate()
  const result = await seedDemo(conn.db)
  const out = [
    result.created ? 'demo workspace seeded' : 'demo workspace already present: nothing changed',
    'demo logins (local development only):',
    ...result.logins.map((l) => `  ${l.role.padEnd(15)} ${l.email.padEnd(26)} ${l.password}   (${l.where})`),
  ]
  process.stdout.write(`${out.join('\n')}\n`)
} finally {
  await conn.close()
}
