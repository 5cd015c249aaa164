import { schema, type Tx } from '@aura/db'
import { and, desc, eq } from 'drizzle-orm'
import { getDeal } from './deal-view.ts'

const CAP = 500

/**
 * A deal's stage history (F8.8) and audit trail, newest first, for a deal the caller can see. Audit rows
 * follow the audit_log policy: admins see all of them, others the entries they caused themselves.
 */
export async function listDealHistory(tx: Tx, dealId: string) {
  await getDeal(tx, dealId)
  const h = schema.dealStageHistory
  const a = schema.auditLog
  const stageChanges = await tx
    .select()
    .from(h)
    .where(eq(h.dealId, dealId))
    .orderBy(desc(h.changedAt), desc(h.createdAt), desc(h.id))
    .limit(CAP)
  const audit = await tx
    .select()
    .from(a)
    .where(and(eq(a.entityType, 'deal'), eq(a.entityId, dealId)))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(CAP)
  return {
    stageChanges: stageChanges.map((r) => ({
      id: r.id,
      fromProcessId: r.fromProcessId,
      toProcessId: r.toProcessId,
      fromStageId: r.fromStageId,
      toStageId: r.toStageId,
      fromStageName: r.fromStageName,
      toStageName: r.toStageName,
      amount: r.amount,
      probability: r.probability,
      changedBy: r.changedBy,
      changedAt: r.changedAt.toISOString(),
    })),
    audit: audit.map((r) => ({
      id: r.id,
      action: r.action,
      actorUserId: r.actorUserId,
      before: r.before,
      after: r.after,
      createdAt: r.createdAt.toISOString(),
    })),
  }
}
