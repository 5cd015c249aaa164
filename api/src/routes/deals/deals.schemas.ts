import { z } from '@hono/zod-openapi'
import { ZDate } from '../../lib/dates.ts'
import { ZMoney } from '../../lib/money.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { line } from '../../lib/text.ts'
import { ZLineItem } from '../line-items/line-items.schemas.ts'

const ZProbability = z.number().int().min(0).max(100)
const ZCustomFields = z.record(z.string(), z.unknown())

export const ZDealStatus = z.enum(['open', 'won', 'lost'])

export const ZDeal = z
  .object({
    id: z.uuid(),
    name: z.string(),
    amount: ZMoney,
    currency: z.string(),
    processId: z.uuid(),
    processName: z.string(),
    stageId: z.uuid(),
    stageName: z.string(),
    status: ZDealStatus,
    probability: z.number().int(),
    closeDate: z.string().nullable(),
    contactId: z.uuid().nullable(),
    organizationId: z.uuid().nullable(),
    assignedUserId: z.uuid().nullable(),
    notes: z.string().nullable(),
    hasLineItems: z.boolean(),
    lineItemsTotal: ZMoney,
    closedAt: z.string().nullable(),
    closedStageName: z.string().nullable(),
    closedProbability: z.number().int().nullable(),
    finalAmount: ZMoney.nullable(),
    customFields: ZCustomFields,
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Deal')

export const ZCreateDeal = z
  .object({
    name: line(200).min(1, 'Enter a name'),
    amount: ZMoney.optional(),
    processId: z.uuid().optional(),
    stageId: z.uuid().optional(),
    closeDate: ZDate.nullable().optional(),
    probability: ZProbability.optional(),
    contactId: z.uuid().nullable().optional(),
    organizationId: z.uuid().nullable().optional(),
    assignedUserId: z.uuid().optional(),
    notes: z.string().max(10_000).nullable().optional(),
    customFields: ZCustomFields.optional(),
  })
  .openapi('CreateDeal')
export type TCreateDeal = z.infer<typeof ZCreateDeal>

export const ZUpdateDeal = z
  .object({
    name: line(200).min(1, 'Enter a name'),
    amount: ZMoney,
    closeDate: ZDate.nullable(),
    probability: ZProbability,
    contactId: z.uuid().nullable(),
    organizationId: z.uuid().nullable(),
    assignedUserId: z.uuid().nullable(),
    notes: z.string().max(10_000).nullable(),
    customFields: ZCustomFields,
  })
  .partial()
  .openapi('UpdateDeal')
export type TUpdateDeal = z.infer<typeof ZUpdateDeal>

export const ZMoveDeal = z
  .object({
    stageId: z.uuid(),
    /** Set to move the deal to another process; stageId must then be a stage of that process. */
    processId: z.uuid().optional(),
  })
  .openapi('MoveDeal')

export const DEAL_SORTS = ['updatedAt', 'createdAt', 'closeDate', 'amount'] as const
export type DealSort = (typeof DEAL_SORTS)[number]

export const ZDealListQuery = ZListQuery.extend({
  processId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  assignedUserId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  status: ZDealStatus.optional(),
  minProbability: z.coerce.number().int().min(0).max(100).optional(),
  maxProbability: z.coerce.number().int().min(0).max(100).optional(),
  closeDateFrom: ZDate.optional(),
  closeDateTo: ZDate.optional(),
  q: line(200).min(1).optional(),
  sort: z.enum(DEAL_SORTS).default('updatedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
})
export type TDealListQuery = z.infer<typeof ZDealListQuery>

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
