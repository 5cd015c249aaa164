import { schema, type Tx } from '@aura/db'
import { and, asc, eq, isNull } from 'drizzle-orm'

export type OrganizationRow = typeof schema.organizations.$inferSelect

/** The API shape of an organization in lists: camelCase, ISO timestamps. */
export function organizationView(row: OrganizationRow) {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parentId,
    size: row.size,
    industry: row.industry,
    location: row.location,
    website: row.website,
    customFields: row.customFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
  }
}

/** One organization with its live parent and live subsidiaries (F6.5), or null when not visible/deleted. */
export async function loadOrganization(tx: Tx, tenantId: string, id: string) {
  const o = schema.organizations
  const [row] = await tx
    .select()
    .from(o)
    .where(and(eq(o.tenantId, tenantId), eq(o.id, id), isNull(o.deletedAt)))
  if (!row) return null
  const live = and(eq(o.tenantId, tenantId), isNull(o.deletedAt))
  const [parent] = row.parentId
    ? await tx
        .select({ id: o.id, name: o.name })
        .from(o)
        .where(and(live, eq(o.id, row.parentId)))
    : []
  const subsidiaries = await tx
    .select({ id: o.id, name: o.name })
    .from(o)
    .where(and(live, eq(o.parentId, row.id)))
    .orderBy(asc(o.name), asc(o.id))
  return { ...organizationView(row), parent: parent ?? null, subsidiaries }
}
