import { schema, type Tx } from '@aura/db'

export interface StageChange {
  tenantId: string
  dealId: string
  from: { processId: string; stageId: string; stageName: string } | null
  to: { processId: string; stageId: string; stageName: string }
  amount: string
  probability: number
}

/** F8.8/F11.6: one append-only row per stage or process change; names are copied so renames never rewrite it. */
export async function recordStageChange(tx: Tx, change: StageChange) {
  await tx.insert(schema.dealStageHistory).values({
    tenantId: change.tenantId,
    dealId: change.dealId,
    fromProcessId: change.from?.processId ?? null,
    fromStageId: change.from?.stageId ?? null,
    fromStageName: change.from?.stageName ?? null,
    toProcessId: change.to.processId,
    toStageId: change.to.stageId,
    toStageName: change.to.stageName,
    amount: change.amount,
    probability: change.probability,
  })
}
