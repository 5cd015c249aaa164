import { schema, type Tx } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { toCents } from '../../lib/money.ts'
import { can } from '../../lib/permissions.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts'
import { notify } from '../notifications/notify.ts'
import { assertRequiredFields, checkDealLinks } from './check-deal-fields.ts'
import { getDeal, lockDeal } from './deal-view.ts'
import type { TUpdateDeal } from './deals.inputs.ts'
import { resolveStage } from './resolve-deal-stage.ts'

/**
 * Edits a deal's fields (stage moves go through moveDealToStage). While live line items exist the amount
 * follows their total (trigger, ADR 0013), so a different amount is a 422 rather than silently ignored.
 * Reassignment needs records.reassign and is audited on its own (F8.6, F9.5).
 */
export async function updateDeal(
  tx: Tx,
  { actor, id, input }: { actor: Actor; id: string; input: TUpdateDeal },
) {
  const before = await lockDeal(tx, id)
  const reassigned = input.assignedUserId !== undefined && input.assignedUserId !== before.assignedUserId
  if (reassigned && !can(actor.role, 'records.reassign')) {
    throw new AppError('forbidden', 'Only managers and admins reassign deals', {
      errors: [{ field: 'assignedUserId', message: 'Ask a manager to reassign this deal' }],
    })
  }
  if (input.amount !== undefined && toCents(input.amount) !== toCents(before.amount)) {
    const current = await getDeal(tx, id)
    if (current.hasLineItems) {
      throw new AppError('unprocessable', 'The amount follows the deal’s line items', {
        errors: [
          { field: 'amount', message: `Edit the line items; their total is ${current.lineItemsTotal}` },
        ],
      })
    }
  }
  await checkDealLinks(tx, {
    contactId: input.contactId,
    organizationId: input.organizationId,
    assignedUserId: reassigned ? input.assignedUserId : undefined,
  })
  const { customFields: customInput, ...fields } = input
  const merged = { ...before, ...fields }
  assertRequiredFields(await resolveStage(tx, before.processId, before.stageId), merged)
  const customFields =
    customInput === undefined
      ? before.customFields
      : await validateCustomFields(tx, {
          tenantId: actor.tenantId,
          entity: 'deal',
          values: customInput,
          existing: before.customFields,
        })
  await tx
    .update(schema.deals)
    .set({ ...fields, customFields })
    .where(eq(schema.deals.id, id))
  const after = await getDeal(tx, id)
  const changed = Object.keys(input).filter((k) => k !== 'assignedUserId')
  const pick = (row: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, row[k]]))
  if (changed.length) {
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      action: 'deal.updated',
      actorUserId: actor.userId,
      entityType: 'deal',
      entityId: id,
      before: pick(before, changed),
      after: pick(after, changed),
      requestId: actor.requestId,
    })
  }
  if (reassigned) {
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      action: 'deal.reassigned',
      actorUserId: actor.userId,
      entityType: 'deal',
      entityId: id,
      before: { assignedUserId: before.assignedUserId },
      after: { assignedUserId: after.assignedUserId },
      requestId: actor.requestId,
    })
    await notify(tx, actor, [
      { kind: 'deal.assigned', recipientUserId: after.assignedUserId, about: { dealId: id } },
    ])
  }
  return after
}
