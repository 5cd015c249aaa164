import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import * as inputs from '../../services/deals/deals.inputs.ts'
import { ZDeal } from '../../services/deals/deals.outputs.ts'
import { ZLineItem } from '../../services/line-items/line-items.outputs.ts'

export {
  DEAL_SORTS,
  type DealSort,
  type TCreateDeal,
  type TDealListQuery,
  type TUpdateDeal,
  ZDealStatus,
} from '../../services/deals/deals.inputs.ts'
export { ZDeal }

export const ZCreateDeal = inputs.ZCreateDeal.openapi('CreateDeal')
export const ZUpdateDeal = inputs.ZUpdateDeal.openapi('UpdateDeal')
export const ZMoveDeal = inputs.ZMoveDeal.openapi('MoveDeal')
export const ZDealListQuery = inputs.ZDealListQuery

export const ZStageChange = z
  .object({
    id: z.uuid(),
    fromProcessId: z.uuid().nullable(),
    toProcessId: z.uuid(),
    fromStageId: z.uuid().nullable(),
    toStageId: z.uuid(),
    fromStageName: z.string().nullable(),
    toStageName: z.string(),
    amount: ZMoney,
    probability: z.number().int(),
    changedBy: z.uuid().nullable(),
    changedAt: z.string(),
  })
  .openapi('DealStageChange')

export const ZDealAuditEntry = z
  .object({
    id: z.uuid(),
    action: z.string(),
    actorUserId: z.uuid().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    createdAt: z.string(),
  })
  .openapi('DealAuditEntry')

export const ZDealHistory = z
  .object({ stageChanges: z.array(ZStageChange), audit: z.array(ZDealAuditEntry) })
  .openapi('DealHistory')

export const ZDealParams = z.object({ id: z.uuid() })

/**
 * `include=lineItems` answers the deal and the first page of its live lines in one request and one
 * transaction (what a deal page shows first); more lines page on through `/deals/{id}/line-items`.
 */
export const ZDealQuery = z.object({
  include: z.enum(['lineItems']).optional(),
  lineItemsLimit: ZListQuery.shape.limit,
})

export const ZDealWithLines = ZDeal.extend({
  lineItems: ZPage(ZLineItem).optional().openapi({ description: 'With `include=lineItems` only' }),
}).openapi('DealWithLines')
