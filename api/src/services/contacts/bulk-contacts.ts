// Bulk operations on contacts (issue 13, ADR 0158): reassign or soft-delete many contacts in ONE
// transaction, each through the single-contact service (updateContact, deleteContact), so every rule holds
// per contact as it does one at a time: visibility (RLS: a rep reaches only their own contacts; one they
// cannot see is a 404 for the whole operation), role (only managers and admins reassign) and one audit row
// per contact. Any refusal rolls back the whole operation (lib/bulk.ts).
import type { Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { runBulk } from '../../lib/bulk.ts'
import type { TBulkContacts } from './bulk-contacts.inputs.ts'
import { deleteContact } from './delete-contact.ts'
import { listContacts } from './list-contacts.ts'
import { updateContact } from './update-contact.ts'

export async function bulkContacts(tx: Tx, { actor, input }: { actor: Actor; input: TBulkContacts }) {
  const filter = input.filter ?? {}
  return runBulk({
    noun: ['Contact', 'contacts'],
    input,
    page: (cursor) => listContacts(tx, actor.tenantId, { ...filter, limit: 100, cursor }),
    apply: (id) =>
      input.action === 'reassign'
        ? updateContact(tx, { actor, id, patch: { assignedUserId: input.assignedUserId } })
        : deleteContact(tx, { actor, id }),
  })
}
