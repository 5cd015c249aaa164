// Processes as the API shows them: each with its stages in board order.
import { schema, type Tx } from '@aura/db'
import { asc, eq, inArray, isNull } from 'drizzle-orm'
import { notFound } from '../../lib/problem.ts'

type ProcessRow = typeof schema.salesProcesses.$inferSelect
type StageRow = typeof schema.processStages.$inferSelect

export const toStage = (s: StageRow) => ({
  id: s.id,
  processId: s.processId,
  name: s.name,
  position: s.position,
  kind: s.kind,
  winProbability: s.winProbability,
  requiredFields: s.requiredFields,
})

export const toProcess = (p: ProcessRow, stages: StageRow[]) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  isDefault: p.isDefault,
  archived: p.archivedAt !== null,
  archivedAt: p.archivedAt?.toISOString() ?? null,
  position: p.position,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  stages: stages.map(toStage),
})

/** Processes in their order; archived ones only on request. Two queries, whatever the count. */
export async function listProcesses(tx: Tx, includeArchived: boolean) {
  const { salesProcesses: sp, processStages: ps } = schema
  const processes = await tx
    .select()
    .from(sp)
    .where(includeArchived ? undefined : isNull(sp.archivedAt))
    .orderBy(asc(sp.position), asc(sp.createdAt), asc(sp.id))
  const stages = processes.length
    ? await tx
        .select()
        .from(ps)
        .where(
          inArray(
            ps.processId,
            processes.map((p) => p.id),
          ),
        )
        .orderBy(asc(ps.position), asc(ps.id))
    : []
  return processes.map((p) =>
    toProcess(
      p,
      stages.filter((s) => s.processId === p.id),
    ),
  )
}

export async function loadStages(tx: Tx, processId: string) {
  const ps = schema.processStages
  return tx.select().from(ps).where(eq(ps.processId, processId)).orderBy(asc(ps.position), asc(ps.id))
}

/** One process with its stages, or 404 (unknown, or another tenant's: RLS hides it). */
export async function getProcess(tx: Tx, id: string) {
  const [p] = await tx.select().from(schema.salesProcesses).where(eq(schema.salesProcesses.id, id))
  if (!p) throw notFound('Process')
  return toProcess(p, await loadStages(tx, id))
}

/** The process row locked for a change (serialises concurrent edits of one process), or 404. */
export async function lockProcess(tx: Tx, id: string) {
  const [p] = await tx
    .select()
    .from(schema.salesProcesses)
    .where(eq(schema.salesProcesses.id, id))
    .for('update')
  if (!p) throw notFound('Process')
  return p
}
