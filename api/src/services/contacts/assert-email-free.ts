import type { Tx } from '@aura/db'
import { AppError } from '../../lib/problem.ts'
import { contactIdsByEmail } from '../records/exact-matches.ts'

const MESSAGE = 'A contact with this email already exists'

/**
 * F7.7: one live contact per email per tenant (citext: case-insensitive). The 409 names the existing
 * contact when the caller may see it; the unique index catches the rest (a colleague's contact a rep
 * cannot see, or a race) and then the 409 carries no id — see duplicateEmail().
 */
export async function assertEmailFree(tx: Tx, { email, exceptId }: { email: string; exceptId?: string }) {
  // Through the index even under RLS (contact_ids_by_email): the tenant is the bound one.
  const existing = (await contactIdsByEmail(tx, [email])).find((id) => id !== exceptId)
  if (existing) throw duplicateEmail(existing)
}

export const duplicateEmail = (existingContactId?: string) =>
  new AppError('conflict', MESSAGE, {
    errors: [{ field: 'email', message: MESSAGE }],
    ...(existingContactId ? { existingContactId } : {}),
  })

export const EMAIL_KEY = 'contacts_tenant_id_email_live_key'
