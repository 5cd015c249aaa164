import { schema, type Tx } from '@aura/db'
import { and, eq, isNull, ne } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'

const MESSAGE = 'A contact with this email already exists'

/**
 * F7.7: one live contact per email per tenant (citext: case-insensitive). The 409 names the existing
 * contact when the caller may see it; the unique index catches the rest (a colleague's contact a rep
 * cannot see, or a race) and then the 409 carries no id — see duplicateEmail().
 */
export async function assertEmailFree(
  tx: Tx,
  { tenantId, email, exceptId }: { tenantId: string; email: string; exceptId?: string },
) {
  const c = schema.contacts
  const [existing] = await tx
    .select({ id: c.id })
    .from(c)
    .where(
      and(
        eq(c.tenantId, tenantId),
        eq(c.email, email),
        isNull(c.deletedAt),
        exceptId ? ne(c.id, exceptId) : undefined,
      ),
    )
    .limit(1)
  if (existing) throw duplicateEmail(existing.id)
}

export const duplicateEmail = (existingContactId?: string) =>
  new AppError('conflict', MESSAGE, {
    errors: [{ field: 'email', message: MESSAGE }],
    ...(existingContactId ? { existingContactId } : {}),
  })

export const EMAIL_KEY = 'contacts_tenant_id_email_live_key'
