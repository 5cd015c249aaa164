// The e-mail channel of notify (F15.1, ADR 0171): each notification whose recipient wants the kind by e-mail
// is queued in the outbox in the writer's transaction, so the e-mail leaves exactly when the change committed.
// The names in it are read by the writer, who sees the records of its change; notify has already left off
// every record the recipient may not see. Addresses and names never reach a log.
import { schema, type Tx } from '@aura/db'
import { and, eq, inArray } from 'drizzle-orm'
import { enqueueEmail } from '../../lib/email/outbox.ts'
import { emails } from '../../lib/email/templates.ts'
import { notificationText, recordPath } from '../../lib/notification-text.ts'

type Row = typeof schema.notifications.$inferInsert

const ids = (rows: Row[], key: 'dealId' | 'contactId' | 'taskId' | 'processId' | 'actorUserId') => [
  ...new Set(rows.map((r) => r[key]).filter((id): id is string => !!id)),
]

/** id → name of the given rows of a table, read in the bound tenant. */
async function namesOf(tx: Tx, tenantId: string, table: 'deals' | 'contacts' | 'processes', list: string[]) {
  if (list.length === 0) return new Map<string, string | null>()
  const t = {
    deals: { tbl: schema.deals, name: schema.deals.name },
    contacts: { tbl: schema.contacts, name: schema.contacts.fullName },
    processes: { tbl: schema.salesProcesses, name: schema.salesProcesses.name },
  }[table]
  const found = await tx
    .select({ id: t.tbl.id, name: t.name })
    .from(t.tbl)
    .where(and(eq(t.tbl.tenantId, tenantId), inArray(t.tbl.id, list)))
  return new Map(found.map((r) => [r.id, r.name]))
}

/** Queues one e-mail per row, to its recipient's address, with its sentence and a link to its record. */
export async function emailNotifications(
  tx: Tx,
  writer: { tenantId: string; origin?: string | undefined },
  rows: Row[],
): Promise<void> {
  const { tenantId } = writer
  const k = schema.tasks
  const taskIds = ids(rows, 'taskId')
  const tasks = taskIds.length
    ? await tx
        .select({ id: k.id, subject: k.subject })
        .from(k)
        .where(and(eq(k.tenantId, tenantId), inArray(k.id, taskIds)))
    : []
  const subjects = new Map(tasks.map((t) => [t.id, t.subject]))
  const deals = await namesOf(tx, tenantId, 'deals', ids(rows, 'dealId'))
  const contacts = await namesOf(tx, tenantId, 'contacts', ids(rows, 'contactId'))
  const processes = await namesOf(tx, tenantId, 'processes', ids(rows, 'processId'))
  // Actors' names and recipients' addresses in one read of users (one round trip on the writing request).
  const u = schema.users
  const people = await tx
    .select({ id: u.id, name: u.name, email: u.email })
    .from(u)
    .where(
      and(
        eq(u.tenantId, tenantId),
        inArray(u.id, [...new Set([...ids(rows, 'actorUserId'), ...rows.map((r) => r.recipientUserId)])]),
      ),
    )
  const actors = new Map(people.map((p) => [p.id, p.name]))
  const to = new Map(people.map((p) => [p.id, p.email]))
  const [tenant] = await tx
    .select({ companyName: schema.tenants.companyName })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId))
  const workspace = tenant?.companyName ?? 'Aura CRM'
  for (const r of rows) {
    const address = to.get(r.recipientUserId)
    if (!address) continue
    const sentence = notificationText({
      kind: r.kind,
      actorName: r.actorUserId ? (actors.get(r.actorUserId) ?? 'A member') : null,
      dealName: r.dealId ? deals.get(r.dealId) : null,
      contactName: r.contactId ? contacts.get(r.contactId) : null,
      taskSubject: r.taskId ? subjects.get(r.taskId) : null,
      processName: r.processId ? processes.get(r.processId) : null,
    })
    const path = recordPath(r)
    const link = writer.origin ? `${writer.origin}${path ?? '/notifications'}` : null
    await enqueueEmail(tx, address, emails.notification(workspace, sentence, link), tenantId)
  }
}
