// The Deal form, one shape for "New deal" and the deal page's details (ADR 0150): the API's own input
// schemas, narrowed to the fields a person edits. Only what differs from the API body is written here.

import { z } from 'zod'
import { ZCreateDeal, ZLineItemCreate, ZLineItemPatch, ZMoveDeal, ZUpdateDeal } from './inputs.server.ts'

/** The fields both deal forms show. */
export const ZDealFields = ZCreateDeal.pick({
  name: true,
  amount: true,
  closeDate: true,
  contactId: true,
  organizationId: true,
  notes: true,
})

const ZNewDealLine = z.object({
  productId: z.string().optional(),
  quantity: ZLineItemCreate.shape.quantity.optional(),
  unitPrice: ZLineItemCreate.shape.unitPrice,
})

/**
 * "New deal": the shared fields, where the deal starts — one select whose value is `processId/stageId`,
 * so the stage always belongs to the process, without JavaScript too — its owner (managers, admins) and the
 * product rows (components/sales/new-deal-lines.tsx): a row with no product chosen is left out, a blank
 * quantity is 1, and the rest are added in the deal's own transaction.
 */
export const ZNewDealForm = ZDealFields.extend({
  ...ZCreateDeal.pick({ assignedUserId: true }).shape,
  startsIn: z.string().min(1, 'Choose where the deal starts'),
  lineItems: z.array(ZNewDealLine).optional(),
}).transform(({ startsIn, lineItems, ...deal }): z.input<typeof ZCreateDeal> => {
  const [processId = '', stageId = ''] = startsIn.split('/')
  const chosen = (lineItems ?? []).flatMap(({ productId, quantity, unitPrice }) =>
    productId ? [{ productId, quantity: quantity ?? 1, ...(unitPrice ? { unitPrice } : {}) }] : [],
  )
  return {
    ...deal,
    processId,
    ...(stageId ? { stageId } : {}),
    ...(chosen.length ? { lineItems: chosen } : {}),
  }
})

/**
 * The deal page's details: the shared fields plus probability. The page's details form leaves the amount
 * out (`amountLocked`: it has its own form, or follows the line items, F13.10); sent, a cleared one is 0.
 */
export const ZDealDetailsForm = ZDealFields.extend({
  probability: ZUpdateDeal.shape.probability,
  amountLocked: z.literal('1').optional(),
}).transform(({ amountLocked, amount, ...deal }) =>
  amountLocked ? deal : { ...deal, amount: amount ?? '0' },
)

/**
 * A move: one value `processId/stageId` (a stage strip button, the reopen select, Won, Lost), with the lost
 * reason on "Lost" and `reopen=1` on "Reopen" (a closed deal never reopens by a stray move, ADR 0163).
 */
export const ZMoveDealForm = z
  .object({
    stage: z.string().min(1, 'Choose a stage'),
    lostReasonId: z.string().optional(),
    reopen: z.literal('1').optional(),
  })
  .transform(({ stage, lostReasonId, reopen }): z.input<typeof ZMoveDeal> => {
    const [processId = '', stageId = ''] = stage.split('/')
    return {
      processId,
      stageId,
      ...(lostReasonId ? { lostReasonId } : {}),
      ...(reopen ? { reopen: true } : {}),
    }
  })
  .pipe(ZMoveDeal)

/** The amount typed by hand (the deal page's facts); blank is refused, not read as 0. */
export const ZDealAmountForm = ZUpdateDeal.pick({ amount: true }).required()

/** The owner control (managers and admins). */
export const ZAssignDealForm = ZUpdateDeal.pick({ assignedUserId: true })

// The line item schemas are strict (no unknown keys); a form also carries its intent and idempotency key.
export const ZAddLineForm = z.object(ZLineItemCreate.shape)
export const ZUpdateLineForm = z.object({ lineId: z.uuid(), ...ZLineItemPatch.shape })
export const ZRemoveLineForm = z.object({ lineId: z.uuid() })

export type DealFormValues = z.input<typeof ZNewDealForm> & z.input<typeof ZDealDetailsForm>
