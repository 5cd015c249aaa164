import { schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { can } from '../../lib/permissions.ts'
import { AppError, within } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts'
import { addLineItem } from '../line-items/add-line-item.ts'
import { assertRequiredFields, checkDealLinks } from './check-deal-fields.ts'
import { getDeal } from './deal-view.ts'
import type { TCreateDeal } from './deals.inputs.ts'
import { recordStageChange } from './record-stage-change.ts'
import { enterStage, resolveProcess, resolveStage } from './resolve-deal-stage.ts'

/**
 * F8.1/F11.14: process defaults to the tenant's default, stage to its first open stage, probability to the
 * stage's default, owner to the creator (someone else needs records.reassign). Entering the stage writes
 * the first stage-history row; the stage's required fields apply as on any entry (F11.7). Products given
 * with the deal (F13.1) are added in the same transaction, each by the same rules and audit as adding one
 * later; a refused one refuses the whole deal, naming `lineItems.<n>.<field>`. The history row and the
 * `deal.created` audit then record the amount the deal starts with (the line-items total when there are
 * lines).
 */
export async function createDeal(tx: Tx, { actor, input }: { actor: Actor; input: TCreateDeal }) {
  const assignedUserId = input.assignedUserId ?? actor.userId
  if (assignedUserId !== actor.userId && !can(actor.role, 'records.reassign')) {
    throw new AppError('forbidden', 'Only managers and admins assign deals to someone else', {
      errors: [{ field: 'assignedUserId', message: 'Leave empty to own the deal yourself' }],
    })
  }
  const process = await resolveProcess(tx, input.processId)
  const stage = await resolveStage(tx, process.id, input.stageId)
  await checkDealLinks(tx, { ...input, assignedUserId })
  const values = {
    amount: input.amount ?? '0.00',
    closeDate: input.closeDate ?? null,
    contactId: input.contactId ?? null,
    organizationId: input.organizationId ?? null,
    assignedUserId,
    notes: input.notes ?? null,
  }
  assertRequiredFields(stage, values)
  const customFields = await validateCustomFields(tx, {
    tenantId: actor.tenantId,
    entity: 'deal',
    values: input.customFields,
  })
  const probability = input.probability ?? stage.winProbability
  const [deal] = await tx
    .insert(schema.deals)
    .values({
      ...values,
      tenantId: actor.tenantId,
      name: input.name,
      probability,
      customFields,
      ...enterStage(stage, { amount: values.amount, probability }),
    })
    .returning()
  if (!deal) throw new Error('insert returned no deal')
  for (const [n, line] of (input.lineItems ?? []).entries()) {
    await addLineItem(tx, { actor, dealId: deal.id, input: line }).catch((err: unknown) => {
      throw within(`lineItems.${n}`, err)
    })
  }
  const placed = input.lineItems?.length ? await getDeal(tx, deal.id) : null
  await recordStageChange(tx, {
    tenantId: actor.tenantId,
    dealId: deal.id,
    from: null,
    to: { processId: process.id, stageId: stage.id, stageName: stage.name },
    amount: placed?.amount ?? deal.amount,
    probability,
  })
  const view = await getDeal(tx, deal.id)
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'deal.created',
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: deal.id,
    after: view,
    requestId: actor.requestId,
  })
  return view
}
