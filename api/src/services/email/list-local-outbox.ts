import { type Db, schema, withPlatform } from '@aura/db'
import { desc } from 'drizzle-orm'

/** The newest emails of every tenant, for the local-mode outbox page (never served when a key is set). */
export function listLocalOutbox(db: Db, limit = 50) {
  const o = schema.emailOutbox
  return withPlatform(db, 'local-outbox', (tx) =>
    tx
      .select({
        id: o.id,
        to: o.toAddress,
        subject: o.subject,
        text: o.text,
        template: o.template,
        status: o.status,
        createdAt: o.createdAt,
      })
      .from(o)
      .orderBy(desc(o.createdAt), desc(o.id))
      .limit(limit),
  )
}
