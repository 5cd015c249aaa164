// A database migrated in the same process it is used in (`npm start`'s first run, the e2e server's
// memory://): PGlite learns array types when it opens, before the migrations create citext, so a citext[]
// parameter was sent as a malformed literal (every contact write with an e-mail answered 500) until
// connect()'s migrate refreshed them.
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { withTenant } from '../client.ts'
import { connect } from '../connect.ts'
import { createContact, createTenant, createUser } from '../seed/index.ts'

it('takes a citext[] parameter right after migrating', { timeout: 120_000 }, async () => {
  const conn = await connect('memory://')
  try {
    await conn.migrate()
    const tenant = await createTenant(conn.db)
    const admin = await createUser(conn.db, { tenantId: tenant.id, role: 'admin' })
    const contact = await createContact(conn.db, {
      tenantId: tenant.id,
      firstName: 'Ada',
      email: 'Ada@Example.com',
    })
    const found = await withTenant(conn.db, { tenantId: tenant.id, userId: admin.id, role: 'admin' }, (tx) =>
      tx.execute(sql`select id from contact_ids_by_email(${sql.param(['ada@example.com'])}::citext[])`),
    )
    expect((found as unknown as { rows: { id: string }[] }).rows).toEqual([{ id: contact.id }])
  } finally {
    await conn.close()
  }
})
