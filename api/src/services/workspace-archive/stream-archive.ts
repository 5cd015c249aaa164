// The archive as one streamed JSON document: the envelope and workspace settings, then each archived table
// in restore order, read through a cursor a batch at a time from one snapshot (read-snapshot.ts).
import { type Db, schema, type TenantContext, type Tx } from '@aura/db'
import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { jsonArray, streamOf } from '../../lib/text-stream.ts'
import { archiveSelectList } from './archive-columns.ts'
import { ARCHIVE_BATCH, ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-format.ts'
import { ARCHIVED_TABLES, type ArchivedTable } from './archive-tables.ts'
import { readSnapshot } from './read-snapshot.ts'

/**
 * One query per table through a cursor, fetched a batch at a time: the query (and any hashed sub-plan its
 * policy needs, such as line items' EXISTS on deals) runs once, not once per batch as keyset pages would.
 */
async function* tableBatches(tx: Tx, tenantId: string, entry: ArchivedTable) {
  const { id, tenantId: tenantColumn } = getTableColumns(entry.table) as Record<string, PgColumn>
  if (!id || !tenantColumn) throw new Error(`${entry.name}: an archived table needs id and tenant_id`)
  const cursor = sql.identifier(`archive_${entry.name}`)
  await tx.execute(sql`declare ${cursor} no scroll cursor for
    select ${archiveSelectList(entry.name)} from ${entry.table}
    where ${tenantColumn} = ${tenantId} order by ${tenantColumn}, ${id}`)
  for (;;) {
    const { rows } = (await tx.execute(
      sql`fetch ${sql.raw(String(ARCHIVE_BATCH))} from ${cursor}`,
    )) as unknown as {
      rows: Record<string, unknown>[]
    }
    if (rows.length > 0) yield rows
    if (rows.length < ARCHIVE_BATCH) break
  }
  await tx.execute(sql`close ${cursor}`)
}

async function readWorkspace(tx: Tx, tenantId: string) {
  const { tenants } = schema
  const [workspace] = await tx
    .select({
      id: tenants.id,
      slug: tenants.slug,
      companyName: tenants.companyName,
      logoUrl: tenants.logoUrl,
      industry: tenants.industry,
      timezone: tenants.timezone,
      currency: tenants.currency,
      retentionDays: tenants.retentionDays,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
  if (!workspace) throw new Error('the bound workspace is not visible')
  return workspace
}

async function* archiveChunks(tx: Tx, tenantId: string, exportedAt: Date): AsyncGenerator<string> {
  const head = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: exportedAt.toISOString() }
  const workspace = await readWorkspace(tx, tenantId)
  yield `${JSON.stringify(head).slice(0, -1)},"workspace":${JSON.stringify(workspace)},"tables":{`
  for (const [i, entry] of ARCHIVED_TABLES.entries()) {
    yield `${i === 0 ? '' : ','}${JSON.stringify(entry.name)}:`
    yield* jsonArray(tableBatches(tx, tenantId, entry))
  }
  yield '}}\n'
}

/** The whole workspace as a byte stream; cancelling it (the client went away) ends the snapshot. */
export function streamArchive(db: Db, ctx: TenantContext, exportedAt: Date): ReadableStream<Uint8Array> {
  return streamOf(readSnapshot(db, ctx, (tx) => archiveChunks(tx, ctx.tenantId, exportedAt)))
}
