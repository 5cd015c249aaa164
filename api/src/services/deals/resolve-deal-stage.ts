// Where a deal goes: its process (the default one when omitted, F11.14) and a stage of that process.
import { schema, type Tx } from '@aura/db'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] })

export type Stage = typeof schema.processStages.$inferSelect
export type Process = typeof schema.salesProcesses.$inferSelect

/** A live (not archived) process by id, or the tenant's default; 422 naming processId otherwise. */
export async function resolveProcess(tx: Tx, processId: string | undefined): Promise<Process> {
  const sp = schema.salesProcesses
  const [process] = await tx
    .select()
    .from(sp)
    .where(processId ? eq(sp.id, processId) : and(eq(sp.isDefault, true), isNull(sp.archivedAt)))
  if (!process) {
    throw unprocessable(
      'processId',
      processId ? 'No such process in this workspace' : 'There is no default process',
    )
  }
  if (process.archivedAt) throw unprocessable('processId', 'The process is archived')
  return process
}

/** The given stage, which must belong to the process (422 naming stageId), or its first open stage. */
export async function resolveStage(tx: Tx, processId: string, stageId: string | undefined): Promise<Stage> {
  const ps = schema.processStages
  const [stage] = await tx
    .select()
    .from(ps)
    .where(and(eq(ps.processId, processId), stageId ? eq(ps.id, stageId) : eq(ps.kind, 'open')))
    .orderBy(asc(ps.position), asc(ps.id))
    .limit(1)
  if (!stage) {
    throw unprocessable(
      'stageId',
      stageId ? 'Not a stage of the deal’s process' : 'The process has no open stage',
    )
  }
  return stage
}

/**
 * The columns a deal gets on entering a stage: status follows its kind; closing freezes name and value; a
 * lost reason stays only in a lost stage.
 */
export function enterStage(
  stage: Stage,
  deal: { amount: string; probability: number },
  lostReasonId: string | null = null,
) {
  const closed = stage.kind !== 'open'
  return {
    lostReasonId: stage.kind === 'lost' ? lostReasonId : null,
    processId: stage.processId,
    stageId: stage.id,
    status: stage.kind,
    closedAt: closed ? new Date() : null,
    closedStageName: closed ? stage.name : null,
    closedProbability: closed ? deal.probability : null,
    finalAmount: closed ? deal.amount : null,
  }
}
