import { schema, type Tx } from '@aura/db'
import { and, count, eq } from 'drizzle-orm'
import { notFound } from '../../lib/problem.ts'

/** A stage of this process (another process's or tenant's stage id is a 404), locked for the change. */
export async function lockStage(tx: Tx, processId: string, stageId: string) {
  const ps = schema.processStages
  const [stage] = await tx
    .select()
    .from(ps)
    .where(and(eq(ps.processId, processId), eq(ps.id, stageId)))
    .for('update')
  if (!stage) throw notFound('Stage')
  return stage
}

/** Every deal row in the stage, closed and soft-deleted ones included: all of them reference it. */
export async function countDealsInStage(tx: Tx, stageId: string) {
  const [row] = await tx.select({ n: count() }).from(schema.deals).where(eq(schema.deals.stageId, stageId))
  return row?.n ?? 0
}
