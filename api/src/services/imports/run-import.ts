// Running an import (ADR 0174): batches of rows, each in its own transaction bound as the member who
// uploaded the file, so a batch's records, their audit rows, the rows' outcomes and the cursor commit
// together. The import row is locked first: two runners (the one started with the import, and one resumed
// after a restart) take turns and never write a row twice. Undo walks the same rows back.
import { type Db, schema, type Tx, withTenant } from '@aura/db'
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { anyOf } from '../../lib/any-of.ts'
import { classifyRows, reasonOf } from './classify-rows.ts'
import { mapRow } from './import-mapping.ts'
import type { ExistingRecord } from './import-target.ts'
import { importTargets } from './import-targets.ts'

export const IMPORT_BATCH = 500
/** A running import whose last batch is older than this has lost its runner; the next look resumes it. */
export const STALE_AFTER_MS = 30_000

type Outcome = {
  rowNo: number
  outcome: 'created' | 'updated' | 'skipped' | 'rejected'
  recordId?: string
  before?: unknown
  reason?: string
}

async function lockImport(tx: Tx, tenantId: string, id: string) {
  const i = schema.imports
  const [row] = await tx
    .select()
    .from(i)
    .where(and(eq(i.tenantId, tenantId), eq(i.id, id)))
    .for('update')
  return row
}

/** One batch of a running import; false once there is nothing more to do. */
export async function importBatch(tx: Tx, actor: Actor, id: string): Promise<boolean> {
  const imp = await lockImport(tx, actor.tenantId, id)
  if (imp?.status !== 'running') return false
  const i = schema.imports
  const r = schema.importRows
  const rows = await tx
    .select({ rowNo: r.rowNo, cells: r.cells })
    .from(r)
    .where(and(eq(r.tenantId, actor.tenantId), eq(r.importId, id), gt(r.rowNo, imp.processedRows)))
    .orderBy(asc(r.rowNo))
    .limit(IMPORT_BATCH)
  if (rows.length === 0) {
    await tx
      .update(i)
      .set({ status: 'done', finishedAt: new Date(), heartbeatAt: new Date() })
      .where(and(eq(i.tenantId, actor.tenantId), eq(i.id, id)))
    return false
  }
  const target = importTargets[imp.entity]
  const prepared = await target.prepare(
    tx,
    actor,
    rows.map((row) => mapRow(row.cells, imp.mapping)),
  )
  const keys = [...new Set(prepared.flatMap((p) => (p.ok && p.key ? [p.key] : [])))]
  const existing = await target.findExisting(tx, actor.tenantId, keys)
  const plans = classifyRows(
    rows.map((row, n) => ({ rowNo: row.rowNo, prepared: prepared[n] as (typeof prepared)[number] })),
    existing,
    imp.dedupeMode,
    await earlierRowsOf(tx, actor.tenantId, id, existing),
  )
  const outcomes: Outcome[] = []
  const creates = plans.flatMap((p) => (p.action === 'create' ? [{ ...p, id: crypto.randomUUID() }] : []))
  const refused = await target.insert(tx, actor, creates, id)
  for (const p of creates)
    outcomes.push(
      refused.has(p.id)
        ? { rowNo: p.rowNo, outcome: 'rejected', reason: target.uniqueRefusal }
        : { rowNo: p.rowNo, outcome: 'created', recordId: p.id },
    )
  const updates = plans.flatMap((p) => (p.action === 'update' ? [p] : []))
  const befores = await target.update(tx, actor, updates, id)
  for (const p of updates)
    outcomes.push({
      rowNo: p.rowNo,
      outcome: 'updated',
      recordId: p.record.id,
      before: befores.get(p.record.id),
    })
  for (const p of plans) {
    if (p.action === 'skip') outcomes.push({ rowNo: p.rowNo, outcome: 'skipped', reason: p.reason })
    if (p.action === 'reject')
      outcomes.push({ rowNo: p.rowNo, outcome: 'rejected', reason: reasonOf(p.errors) })
  }
  await tx.execute(sql`
    update import_rows r
       set outcome = v.outcome, record_id = v."recordId", before = v.before, reason = v.reason
      from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb)
           as v("rowNo" int, outcome text, "recordId" uuid, before jsonb, reason text)
     where r.tenant_id = ${actor.tenantId} and r.import_id = ${id} and r.row_no = v."rowNo"`)
  const count = (o: Outcome['outcome']) => outcomes.filter((x) => x.outcome === o).length
  await tx
    .update(i)
    .set({
      processedRows: rows[rows.length - 1]?.rowNo ?? imp.processedRows,
      createdCount: imp.createdCount + count('created'),
      updatedCount: imp.updatedCount + count('updated'),
      skippedCount: imp.skippedCount + count('skipped'),
      rejectedCount: imp.rejectedCount + count('rejected'),
      heartbeatAt: new Date(),
    })
    .where(and(eq(i.tenantId, actor.tenantId), eq(i.id, id)))
  return true
}

/**
 * For each matched key whose record an earlier batch of this import wrote, that row's number: the first row
 * of a key wins across batches too (and a resumed run knows it, as it is read from the rows' outcomes).
 */
async function earlierRowsOf(tx: Tx, tenantId: string, id: string, existing: Map<string, ExistingRecord>) {
  const first = new Map<string, number>()
  if (existing.size === 0) return first
  const r = schema.importRows
  const rows = await tx
    .select({ rowNo: r.rowNo, recordId: r.recordId })
    .from(r)
    .where(
      and(
        eq(r.tenantId, tenantId),
        eq(r.importId, id),
        anyOf(
          r.recordId,
          [...existing.values()].map((e) => e.id),
          'uuid',
        ),
      ),
    )
  const rowOf = new Map(rows.map((row) => [row.recordId, row.rowNo]))
  for (const [key, record] of existing) {
    const rowNo = rowOf.get(record.id)
    if (rowNo !== undefined) first.set(key, rowNo)
  }
  return first
}

/** One batch of an undo: created records removed, updated ones given back their values; false when done. */
export async function undoBatch(tx: Tx, actor: Actor, id: string): Promise<boolean> {
  const imp = await lockImport(tx, actor.tenantId, id)
  if (imp?.status !== 'undoing') return false
  const i = schema.imports
  const r = schema.importRows
  if (imp.undoneRows >= imp.processedRows) {
    await tx
      .update(i)
      .set({ status: 'undone', undoneAt: new Date(), heartbeatAt: new Date() })
      .where(and(eq(i.tenantId, actor.tenantId), eq(i.id, id)))
    return false
  }
  const last = Math.min(imp.undoneRows + IMPORT_BATCH, imp.processedRows)
  const range = and(
    eq(r.tenantId, actor.tenantId),
    eq(r.importId, id),
    gt(r.rowNo, imp.undoneRows),
    lte(r.rowNo, last),
  )
  const rows = await tx
    .select({ outcome: r.outcome, recordId: r.recordId, before: r.before })
    .from(r)
    .where(and(range, sql`${r.outcome} in ('created', 'updated')`))
  const target = importTargets[imp.entity]
  const created = rows.flatMap((row) => (row.outcome === 'created' && row.recordId ? [row.recordId] : []))
  await target.remove(tx, actor, created, id)
  const updated = rows.flatMap((row) =>
    row.outcome === 'updated' && row.recordId && row.before ? [{ id: row.recordId, before: row.before }] : [],
  )
  await target.restore(tx, actor, updated, id)
  await tx
    .update(i)
    .set({ undoneRows: last, heartbeatAt: new Date() })
    .where(and(eq(i.tenantId, actor.tenantId), eq(i.id, id)))
  return true
}

/** Runs an import or its undo to the end, a transaction per batch, as the member who owns it. */
export async function runImport(db: Db, actor: Actor, id: string): Promise<void> {
  const step = (tx: Tx) => importBatch(tx, actor, id).then((more) => more || undoBatch(tx, actor, id))
  while (await withTenant(db, actor, step)) {}
}
