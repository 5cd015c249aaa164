// Checks a deal's links and its stage's required fields before the write, so each problem names its field.
import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { toCents } from '../../lib/money.ts'
import { AppError, type FieldError } from '../../lib/problem.ts'

export interface DealLinks {
  contactId?: string | null | undefined
  organizationId?: string | null | undefined
  assignedUserId?: string | null | undefined
}

/**
 * Each given id must be a live record the caller can see: RLS hides another tenant's rows and a
 * colleague's contacts from a rep (the composite foreign keys would only stop the first).
 */
export async function checkDealLinks(tx: Tx, links: DealLinks) {
  const { contacts, organizations, users } = schema
  const errors: FieldError[] = []
  if (links.contactId) {
    const [c] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.id, links.contactId), isNull(contacts.deletedAt)))
    if (!c) errors.push({ field: 'contactId', message: 'No such contact' })
  }
  if (links.organizationId) {
    const [o] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.id, links.organizationId), isNull(organizations.deletedAt)))
    if (!o) errors.push({ field: 'organizationId', message: 'No such organization' })
  }
  if (links.assignedUserId) {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, links.assignedUserId), eq(users.status, 'active')))
    if (!u) errors.push({ field: 'assignedUserId', message: 'No such active member' })
  }
  if (errors.length) throw new AppError('unprocessable', 'Some linked records do not exist', { errors })
}

export interface RequirableValues {
  amount: string
  closeDate: string | null
  contactId: string | null
  organizationId: string | null
  assignedUserId: string | null
  notes: string | null
}

/** F11.7: 422 naming every field the stage requires that the deal lacks (an amount of 0 counts as missing). */
export function assertRequiredFields(
  stage: { name: string; requiredFields: string[] },
  deal: RequirableValues,
) {
  const missing = stage.requiredFields.filter((field) => {
    if (field === 'amount') return toCents(deal.amount) === 0n
    const value = deal[field as keyof RequirableValues]
    return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  })
  if (missing.length) {
    throw new AppError('unprocessable', `The stage ${stage.name} requires more fields`, {
      errors: missing.map((field) => ({ field, message: `Required to enter the stage ${stage.name}` })),
    })
  }
}
