import { type Db, type TenantContext, withTenant } from '@aura/db'
import { asc, gt } from 'drizzle-orm'
import { type ExportEntity, exportTable } from './export-entities.ts'

export const EXPORT_BATCH = 1000

/**
 * Yields an entity's rows in batches, each read in its own short tenant-bound transaction, keyset on
 * (tenant_id, id): a 100k-row tenant never sits in memory and no transaction stays open while the
 * client downloads. Rows changed during a long export may appear in their before or after state.
 */
export async function* readExportBatches(db: Db, ctx: TenantContext, entity: ExportEntity) {
  const { table, columns } = exportTable(entity)
  let after: string | null = null
  for (;;) {
    const cursor = after
    const rows: Record<string, unknown>[] = await withTenant(db, ctx, (tx) =>
      tx
        .select(columns)
        .from(table)
        .where(cursor ? gt(table.id, cursor) : undefined)
        .orderBy(asc(table.tenantId), asc(table.id))
        .limit(EXPORT_BATCH),
    )
    if (rows.length === 0) return
    yield rows
    if (rows.length < EXPORT_BATCH) return
    after = rows[rows.length - 1]?.id as string
  }
}
