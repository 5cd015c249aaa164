// What a tenant export contains: every column of each table but the tenant key, all rows including
// soft-deleted ones (flagged by deleted_at) so the export is complete.
import { schema } from '@aura/db'
import { getTableColumns } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'

export const EXPORT_ENTITIES = [
  'organizations',
  'contacts',
  'deals',
  'line-items',
  'activities',
  'products',
] as const
export type ExportEntity = (typeof EXPORT_ENTITIES)[number]

const TABLES: Record<ExportEntity, PgTable & { id: PgColumn; tenantId: PgColumn }> = {
  organizations: schema.organizations,
  contacts: schema.contacts,
  deals: schema.deals,
  'line-items': schema.dealLineItems,
  activities: schema.activities,
  products: schema.products,
}

export function exportTable(entity: ExportEntity) {
  const table = TABLES[entity]
  const { tenantId: _tenant, ...columns } = getTableColumns(table) as Record<string, PgColumn>
  return { table, columns }
}
