import { schema, type Tx } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { isUniqueViolation } from '../../lib/db-errors.ts'
import { can } from '../../lib/permissions.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts'
import { assertContactReferences } from './assert-contact-references.ts'
import { assertEmailFree, duplicateEmail, EMAIL_KEY } from './assert-email-free.ts'
import { findContact } from './contact-view.ts'
import type { ContactInput } from './create-contact.ts'

/**
 * Partial update. Changing assignedUserId is a reassignment (F8.6, F9.5): managers and admins only, and
 * audited as contact.reassigned with the previous and new owner. customFields is a patch (null removes).
 */
export async function updateContact(
  tx: Tx,
  { actor, id, patch }: { actor: Actor; id: string; patch: Partial<ContactInput> },
) {
  const found = await findContact(tx, actor.tenantId, id)
  if (!found) throw notFound('Contact')
  const current = found.row
  const reassigning = patch.assignedUserId !== undefined && patch.assignedUserId !== current.assignedUserId
  if (reassigning && !can(actor.role, 'records.reassign'))
    throw new AppError('forbidden', 'Only managers and admins may reassign a contact', {
      errors: [{ field: 'assignedUserId', message: 'Ask a manager to reassign this contact' }],
    })
  await assertContactReferences(tx, actor.tenantId, {
    organizationId: patch.organizationId,
    assignedUserId: reassigning ? patch.assignedUserId : undefined,
  })
  if (patch.email && patch.email !== current.email?.toLowerCase())
    await assertEmailFree(tx, { email: patch.email, exceptId: id })
  const { customFields: cfPatch, ...fields } = patch
  const customFields =
    cfPatch === undefined
      ? undefined
      : await validateCustomFields(tx, {
          tenantId: actor.tenantId,
          entity: 'contact',
          values: cfPatch,
          existing: current.customFields,
        })
  const c = schema.contacts
  try {
    await tx
      .update(c)
      .set({ ...fields, ...(customFields ? { customFields } : {}) })
      .where(and(eq(c.tenantId, actor.tenantId), eq(c.id, id)))
  } catch (err) {
    if (isUniqueViolation(err, EMAIL_KEY)) throw duplicateEmail()
    throw err
  }
  const base = { tenantId: actor.tenantId, actorUserId: actor.userId, entityType: 'contact', entityId: id }
  const changed = Object.keys(fields).filter((k) => k !== 'assignedUserId')
  if (changed.length > 0 || customFields) {
    const before = Object.fromEntries(changed.map((k) => [k, current[k as keyof typeof current] ?? null]))
    await recordAudit(tx, {
      ...base,
      action: 'contact.updated',
      before: customFields ? { ...before, customFields: current.customFields } : before,
      after: Object.fromEntries(
        [
          ...changed.map((k) => [k, fields[k as keyof typeof fields] ?? null]),
          ['customFields', customFields],
        ].filter(([, v]) => v !== undefined),
      ),
      requestId: actor.requestId,
    })
  }
  if (reassigning) {
    await recordAudit(tx, {
      ...base,
      action: 'contact.reassigned',
      before: { assignedUserId: current.assignedUserId },
      after: { assignedUserId: patch.assignedUserId },
      requestId: actor.requestId,
    })
  }
  const updated = await findContact(tx, actor.tenantId, id)
  if (!updated) throw notFound('Contact')
  return updated.view
}
