import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'

export type ContactRow = typeof schema.contacts.$inferSelect

/** The API shape of a contact; `organization` is the live company it belongs to, if any. */
export function contactView(row: ContactRow, organization: { id: string; name: string } | null) {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    title: row.title,
    organizationId: row.organizationId,
    organization,
    assignedUserId: row.assignedUserId,
    customFields: row.customFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
  }
}

const c = schema.contacts
const o = schema.organizations

/** The live organization joined to a contact (deleted companies drop out of the view, not the link). */
export const liveOrganizationOf = and(
  eq(o.tenantId, c.tenantId),
  eq(o.id, c.organizationId),
  isNull(o.deletedAt),
)

/** A live contact the caller may see (RLS decides ownership), or null. */
export async function findContact(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select({ contact: c, orgId: o.id, orgName: o.name })
    .from(c)
    .leftJoin(o, liveOrganizationOf)
    .where(and(eq(c.tenantId, tenantId), eq(c.id, id), isNull(c.deletedAt)))
  if (!row) return null
  return { row: row.contact, view: contactView(row.contact, orgRef(row.orgId, row.orgName)) }
}

export const orgRef = (id: string | null, name: string | null) => (id && name ? { id, name } : null)
