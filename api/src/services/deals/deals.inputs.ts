// What the deal services take (F11): the routes validate requests with these schemas and add only OpenAPI
// metadata (routes/deals/deals.schemas.ts).
import { z } from 'zod'
import { ZDate } from '../../lib/dates.ts'
import { ZMoney } from '../../lib/money.ts'
import { ZListQuery } from '../../lib/pagination.ts'
import { line } from '../../lib/text.ts'
import { ZLineItemCreate } from '../line-items/line-items.inputs.ts'

/** How many products "New deal" may add in its one transaction. */
export const MAX_LINES_AT_CREATION = 50

const ZProbability = z.number().int().min(0).max(100)
const ZCustomFields = z.record(z.string(), z.unknown())

export const ZDealStatus = z.enum(['open', 'won', 'lost'])

export const ZCreateDeal = z.object({
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
  /** Products added in the same transaction (F13.1); while a deal has line items its amount is their total. */
  lineItems: z
    .array(ZLineItemCreate)
    .max(MAX_LINES_AT_CREATION, `At most ${MAX_LINES_AT_CREATION} products at once`)
    .optional(),
})
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
export type TUpdateDeal = z.infer<typeof ZUpdateDeal>

export const ZMoveDeal = z.object({
  stageId: z.uuid(),
  /** Set to move the deal to another process; stageId must then be a stage of that process. */
  processId: z.uuid().optional(),
  /** Why it was lost: one of the process's lost reasons; only with a stage of kind lost. */
  lostReasonId: z.uuid().optional(),
  /** A won or lost deal goes back to an open stage only when this says so (issue 13: reopening is explicit). */
  reopen: z.boolean().optional(),
})
export type TMoveDeal = z.infer<typeof ZMoveDeal>

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
