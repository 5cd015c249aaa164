import { schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { isUniqueViolation } from '../../lib/db-errors.ts'
import { can } from '../../lib/permissions.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts'
import { assertContactReferences } from './assert-contact-references.ts'
import { assertEmailFree, duplicateEmail, EMAIL_KEY } from './assert-email-free.ts'
import { findContact } from './contact-view.ts'

export interface ContactInput {
  firstName: string
  lastName?: string | null
  email?: string | null
  phone?: string | null
  title?: string | null
  organizationId?: string | null
  assignedUserId?: string | null
  customFields?: Record<string, unknown>
}

export async function createContact(tx: Tx, { actor, input }: { actor: Actor; input: ContactInput }) {
  const assignedUserId = input.assignedUserId ?? actor.userId
  if (assignedUserId !== actor.userId && !can(actor.role, 'records.reassign'))
    throw new AppError('forbidden', 'Only managers and admins may assign a contact to someone else', {
      errors: [{ field: 'assignedUserId', message: 'Leave empty to own the contact yourself' }],
    })
  await assertContactReferences(tx, actor.tenantId, { organizationId: input.organizationId, assignedUserId })
  if (input.email) await assertEmailFree(tx, { email: input.email })
  const customFields = await validateCustomFields(tx, {
    tenantId: actor.tenantId,
    entity: 'contact',
    values: input.customFields,
  })
  let id: string
  try {
    const [row] = await tx
      .insert(schema.contacts)
      .values({ ...input, tenantId: actor.tenantId, assignedUserId, customFields })
      .returning({ id: schema.contacts.id })
    if (!row) throw new Error('insert returned no row')
    id = row.id
  } catch (err) {
    if (isUniqueViolation(err, EMAIL_KEY)) throw duplicateEmail()
    throw err
  }
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'contact.created',
    actorUserId: actor.userId,
    entityType: 'contact',
    entityId: id,
    after: { email: input.email ?? null, assignedUserId, organizationId: input.organizationId ?? null },
    requestId: actor.requestId,
  })
  const contact = await findContact(tx, actor.tenantId, id)
  if (!contact) throw new Error('created contact not readable')
  return contact.view
}
