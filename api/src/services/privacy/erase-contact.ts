// Erasure (GDPR art. 17, issue 15, ADR 0173): the contact, their activities and the tasks about them are
// hard-deleted, with the notifications about them; their deals stay, without the link; the audit rows stay,
// with a pseudonym (erased:<hash>) where the contact's personal values were; e-mails already queued or sent
// that name them are rewritten the same way. Everything but the deals' unlinking is done by erase_contact()
// (migration 0035): the one privileged path past the append-only guard, for an admin of the bound tenant only.
// One contact.erased audit row records it, holding ids, counts and the pseudonym: no personal value.
import { schema, type Tx } from '@aura/db'
import { and, eq, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { findContactForPrivacy } from './personal-data.ts'
import type { TEraseContact } from './privacy.inputs.ts'

/** How a typed name compares: case, surrounding and repeated spaces do not matter. */
const typed = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase()

interface Erased extends Record<string, unknown> {
  pseudonym: string
  activities: number
  tasks: number
  notifications: number
  audit_entries: number
  emails: number
  idempotency_keys: number
}

export async function eraseContact(
  tx: Tx,
  { actor, id, input }: { actor: Actor; id: string; input: TEraseContact },
) {
  const contact = await findContactForPrivacy(tx, actor, id, true)
  if (typed(input.confirm) !== typed(contact.fullName)) {
    throw new AppError('validation_failed', "Type the contact's full name to confirm", {
      errors: [{ field: 'confirm', message: "Does not match the contact's full name" }],
    })
  }
  const d = schema.deals
  const unlinked = await tx
    .update(d)
    .set({ contactId: null })
    .where(and(eq(d.tenantId, actor.tenantId), eq(d.contactId, id)))
    .returning({ id: d.id })
  const result = (await tx.execute(sql`select * from erase_contact(${id}::uuid)`)) as unknown as {
    rows: Erased[]
  }
  const erased = result.rows[0]
  if (!erased) throw notFound('Contact')
  const summary = {
    pseudonym: erased.pseudonym,
    activitiesDeleted: Number(erased.activities),
    tasksDeleted: Number(erased.tasks),
    notificationsDeleted: Number(erased.notifications),
    dealsUnlinked: unlinked.length,
    auditEntriesPseudonymised: Number(erased.audit_entries),
    emailsRewritten: Number(erased.emails),
    storedAnswersDeleted: Number(erased.idempotency_keys),
  }
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'contact.erased',
    actorUserId: actor.userId,
    entityType: 'contact',
    entityId: id,
    after: summary,
    requestId: actor.requestId,
  })
  return summary
}
export type ContactErasure = Awaited<ReturnType<typeof eraseContact>>
