// The member's moves on an import: correct the mapping and duplicate mode, start it, undo it, and read the
// rows it rejected. Each checks the state the import is in; a move that does not fit it is a 409.
import { schema, type Tx } from '@aura/db'
import { and, asc, eq, gt } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { csvRow } from '../../lib/csv.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import type { DedupeMode } from './classify-rows.ts'
import { type Mapping, mappingErrors } from './import-mapping.ts'
import { importTargets } from './import-targets.ts'
import { findImport } from './import-view.ts'

const wrongState = (message: string) => new AppError('conflict', message)

async function importIn(tx: Tx, actor: Actor, id: string, status: string, message: string) {
  const imp = await findImport(tx, actor.tenantId, id)
  if (!imp) throw notFound('Import')
  if (imp.status !== status) throw wrongState(message)
  return imp
}

const setImport = (tx: Tx, actor: Actor, id: string, values: Partial<typeof schema.imports.$inferInsert>) =>
  tx
    .update(schema.imports)
    .set(values)
    .where(and(eq(schema.imports.tenantId, actor.tenantId), eq(schema.imports.id, id)))

/** A new mapping and/or duplicate mode, while the import has not started. Checked when it starts. */
export async function mapImport(
  tx: Tx,
  {
    actor,
    id,
    mapping,
    dedupeMode,
  }: { actor: Actor; id: string; mapping?: Mapping | undefined; dedupeMode?: DedupeMode | undefined },
) {
  const imp = await importIn(
    tx,
    actor,
    id,
    'uploaded',
    'The import has started: its mapping can no longer change',
  )
  if (mapping && mapping.length !== imp.columns.length)
    throw new AppError('validation_failed', 'The mapping does not fit the file', {
      errors: [
        { field: 'mapping', message: `Give a field (or null) for each of the ${imp.columns.length} columns` },
      ],
    })
  await setImport(tx, actor, id, { ...(mapping ? { mapping } : {}), ...(dedupeMode ? { dedupeMode } : {}) })
}

/** Starts the run; the mapping must be complete and sound (each problem named `mapping.<column>`). */
export async function startImport(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const imp = await importIn(tx, actor, id, 'uploaded', 'The import has already started')
  const target = importTargets[imp.entity]
  const errors = mappingErrors(
    imp.mapping,
    imp.columns,
    await target.fields(tx, actor.tenantId),
    target.requiredOneOf,
  )
  if (errors.length > 0) throw new AppError('validation_failed', 'The mapping is not complete', { errors })
  await setImport(tx, actor, id, { status: 'running', heartbeatAt: new Date() })
}

/** Starts undoing a finished import: what it created is removed, what it updated gets its values back. */
export async function undoImport(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  await importIn(tx, actor, id, 'done', 'Only a finished import can be undone, once')
  await setImport(tx, actor, id, { status: 'undoing', heartbeatAt: new Date() })
}

const PAGE = 1000

/** The rejected rows as CSV: the file's own columns, then the row number and the reason. */
export async function rejectedRowsCsv(tx: Tx, actor: Actor, id: string): Promise<string> {
  const imp = await findImport(tx, actor.tenantId, id)
  if (!imp) throw notFound('Import')
  const r = schema.importRows
  let out = csvRow([...imp.columns, 'Row', 'Reason'])
  let after = 0
  for (;;) {
    const rows = await tx
      .select({ rowNo: r.rowNo, cells: r.cells, reason: r.reason })
      .from(r)
      .where(
        and(
          eq(r.tenantId, actor.tenantId),
          eq(r.importId, id),
          eq(r.outcome, 'rejected'),
          gt(r.rowNo, after),
        ),
      )
      .orderBy(asc(r.rowNo))
      .limit(PAGE)
    for (const row of rows)
      out += csvRow([...imp.columns.map((_, i) => row.cells[i] ?? ''), row.rowNo, row.reason])
    const last = rows[rows.length - 1]
    if (!last || rows.length < PAGE) return out
    after = last.rowNo
  }
}
