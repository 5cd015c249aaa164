// What the member sees of an import: its state and counts, the fields each column can fill, and while it
// is being mapped, the first rows as the run would treat them (the same checks, nothing written).
import { schema, type Tx } from '@aura/db'
import { and, asc, eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { newestFirst, toPage } from '../../lib/pagination.ts'
import { classifyRows, type RowPlan, reasonOf } from './classify-rows.ts'
import { columnOf, mappingErrors, mapRow } from './import-mapping.ts'
import { importTargets } from './import-targets.ts'
import { STALE_AFTER_MS } from './run-import.ts'

export const PREVIEW_ROWS = 10

type ImportRow = typeof schema.imports.$inferSelect

export async function findImport(tx: Tx, tenantId: string, id: string): Promise<ImportRow | undefined> {
  const i = schema.imports
  const [row] = await tx
    .select()
    .from(i)
    .where(and(eq(i.tenantId, tenantId), eq(i.id, id)))
  return row
}

/** Running (or undoing) with no batch for a while: its runner died; whoever looks next resumes it. */
export const isStalled = (imp: ImportRow, now = Date.now()) =>
  (imp.status === 'running' || imp.status === 'undoing') &&
  (!imp.heartbeatAt || now - imp.heartbeatAt.getTime() > STALE_AFTER_MS)

const summary = (imp: ImportRow) => ({
  id: imp.id,
  entity: imp.entity,
  status: imp.status,
  fileName: imp.fileName,
  totalRows: imp.totalRows,
  processedRows: imp.processedRows,
  undoneRows: imp.undoneRows,
  counts: {
    created: imp.createdCount,
    updated: imp.updatedCount,
    skipped: imp.skippedCount,
    rejected: imp.rejectedCount,
  },
  createdAt: imp.createdAt.toISOString(),
  finishedAt: imp.finishedAt?.toISOString() ?? null,
  undoneAt: imp.undoneAt?.toISOString() ?? null,
})

export async function importView(tx: Tx, actor: Actor, imp: ImportRow) {
  const target = importTargets[imp.entity]
  const fields = await target.fields(tx, actor.tenantId)
  const view = {
    ...summary(imp),
    encoding: imp.encoding,
    delimiter: imp.delimiter,
    columns: imp.columns,
    mapping: imp.mapping,
    dedupeMode: imp.dedupeMode,
    fields: fields.map(({ key, label }) => ({ key, label })),
    mappingErrors: mappingErrors(imp.mapping, imp.columns, fields, target.requiredOneOf),
    preview: [] as {
      rowNo: number
      cells: string[]
      action: RowPlan<unknown>['action']
      reason: string | null
      errors: { column: number | null; field: string; message: string }[]
    }[],
  }
  if (imp.status !== 'uploaded') return view
  const r = schema.importRows
  const rows = await tx
    .select({ rowNo: r.rowNo, cells: r.cells })
    .from(r)
    .where(and(eq(r.tenantId, actor.tenantId), eq(r.importId, imp.id)))
    .orderBy(asc(r.rowNo))
    .limit(PREVIEW_ROWS)
  const prepared = await target.prepare(
    tx,
    actor,
    rows.map((row) => mapRow(row.cells, imp.mapping)),
  )
  const keys = [...new Set(prepared.flatMap((p) => (p.ok && p.key ? [p.key] : [])))]
  const plans = classifyRows(
    rows.map((row, n) => ({ rowNo: row.rowNo, prepared: prepared[n] as (typeof prepared)[number] })),
    await target.findExisting(tx, actor.tenantId, keys),
    imp.dedupeMode,
    new Map(),
  )
  view.preview = plans.map((p, n) => {
    const errors = p.action === 'reject' ? p.errors : []
    return {
      rowNo: p.rowNo,
      cells: rows[n]?.cells ?? [],
      action: p.action,
      reason: p.action === 'skip' ? p.reason : p.action === 'reject' ? reasonOf(p.errors) : null,
      errors: errors.map((e) => ({ column: columnOf(imp.mapping, e.field), ...e })),
    }
  })
  return view
}

/** The member's imports, newest first, a page at a time. */
export async function listImports(
  tx: Tx,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
) {
  const i = schema.imports
  const order = newestFirst(i.createdAt, i.id, query.cursor)
  const rows = await tx
    .select({ imp: i, sortKey: order.key })
    .from(i)
    .where(and(eq(i.tenantId, actor.tenantId), eq(i.userId, actor.userId), order.after))
    .orderBy(...order.orderBy)
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.sortKey, r.imp.id])
  return { data: page.data.map((r) => summary(r.imp)), nextCursor: page.nextCursor }
}
