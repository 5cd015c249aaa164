// The target must be a new workspace: nothing of its own beyond what provisioning and its members made.
// Its settings become the archive's; its provisioned configuration (default process, catalogue, custom
// fields) is replaced by the archive's.
import { schema, type Tx } from '@aura/db'
import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { AppError } from '../../lib/problem.ts'
import { ARCHIVED_TABLES } from './archive-tables.ts'
import type { ArchiveWorkspace } from './parse-archive.ts'

const tenantColumn = (table: (typeof ARCHIVED_TABLES)[number]['table']) =>
  (getTableColumns(table) as Record<string, PgColumn>).tenantId as PgColumn

export async function prepareTarget(tx: Tx, tenantId: string, workspace: ArchiveWorkspace) {
  const { companyName, logoUrl, industry, timezone, currency, retentionDays } = workspace
  // First: the row lock makes a second restore into this workspace wait, then find it no longer empty.
  await tx
    .update(schema.tenants)
    .set({ companyName, logoUrl, industry, timezone, currency, retentionDays })
    .where(eq(schema.tenants.id, tenantId))
  const occupied: string[] = []
  for (const t of ARCHIVED_TABLES.filter((entry) => entry.onRestore === 'empty')) {
    const [row] = await tx
      .select({ one: sql`1` })
      .from(t.table)
      .where(eq(tenantColumn(t.table), tenantId))
      .limit(1)
    if (row) occupied.push(t.name)
  }
  if (occupied.length > 0) {
    throw new AppError('conflict', 'Restore needs a new, empty workspace; this one already has records', {
      errors: occupied.map((name) => ({
        field: `tables.${name}`,
        message: 'This workspace already has some',
      })),
    })
  }
  for (const t of [...ARCHIVED_TABLES].reverse().filter((entry) => entry.onRestore === 'replace')) {
    await tx.delete(t.table).where(eq(tenantColumn(t.table), tenantId))
  }
}
