// Why deals are lost (issue 13): each process keeps a short list that admins edit and that "Mark as lost"
// offers. Reasons are archived, never deleted: a lost deal keeps the reason it was lost for.
import { schema, type Tx } from '@aura/db'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'

const lr = schema.lostReasons
const sp = schema.salesProcesses

export type LostReason = { id: string; label: string; position: number }
const columns = { id: lr.id, label: lr.label, position: lr.position }

async function requireProcess(tx: Tx, processId: string) {
  const [process] = await tx.select({ id: sp.id }).from(sp).where(eq(sp.id, processId))
  if (!process) throw notFound('Process')
}

/** The live reasons of a process, in the order admins gave them; 404 for a process not in the tenant. */
export async function listLostReasons(tx: Tx, processId: string): Promise<LostReason[]> {
  await requireProcess(tx, processId)
  return tx
    .select(columns)
    .from(lr)
    .where(and(eq(lr.processId, processId), isNull(lr.archivedAt)))
    .orderBy(asc(lr.position), asc(lr.label))
}

/** A live reason of the process, or a 422 naming `lostReasonId` (the field of the move that gave it). */
export async function resolveLostReason(tx: Tx, processId: string, id: string): Promise<LostReason> {
  const [reason] = await tx
    .select(columns)
    .from(lr)
    .where(and(eq(lr.processId, processId), eq(lr.id, id), isNull(lr.archivedAt)))
  if (!reason) {
    throw new AppError('unprocessable', 'Not a lost reason of the deal’s process', {
      errors: [{ field: 'lostReasonId', message: 'Choose one of the process’s lost reasons' }],
    })
  }
  return reason
}

/** Appends a reason to the process's list (admins; RLS refuses anyone else). A live duplicate is a 422. */
export async function addLostReason(
  tx: Tx,
  { actor, processId, label }: { actor: Actor; processId: string; label: string },
): Promise<LostReason> {
  await requireProcess(tx, processId)
  const [taken] = await tx
    .select({ id: lr.id })
    .from(lr)
    .where(and(eq(lr.processId, processId), isNull(lr.archivedAt), sql`lower(${lr.label}) = lower(${label})`))
  if (taken) {
    throw new AppError('unprocessable', 'That reason is already in the list', {
      errors: [{ field: 'label', message: 'Already in the list' }],
    })
  }
  const [reason] = await tx
    .insert(lr)
    .values({
      tenantId: actor.tenantId,
      processId,
      label,
      position: sql`(select coalesce(max(${lr.position}), -1) + 1 from ${lr} where ${lr.processId} = ${processId})`,
    })
    .returning(columns)
  if (!reason) throw new Error('insert returned no lost reason')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'lost_reason.created',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: processId,
    after: { label },
    requestId: actor.requestId,
  })
  return reason
}

/** Takes a reason off the list; deals lost for it keep it. 404 for a reason of another process. */
export async function archiveLostReason(
  tx: Tx,
  { actor, processId, reasonId }: { actor: Actor; processId: string; reasonId: string },
) {
  const [reason] = await tx
    .update(lr)
    .set({ archivedAt: new Date() })
    .where(and(eq(lr.processId, processId), eq(lr.id, reasonId), isNull(lr.archivedAt)))
    .returning(columns)
  if (!reason) throw notFound('Lost reason')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'lost_reason.archived',
    actorUserId: actor.userId,
    entityType: 'process',
    entityId: processId,
    before: { label: reason.label },
    requestId: actor.requestId,
  })
}
