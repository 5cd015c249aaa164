// What the deal services answer, as the API documents it: nested in other domains' answers (the pipeline
// summary's deals), so the component is named here, once.
import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { ZTaskType } from '../tasks/tasks.inputs.ts'
import { ZDealStatus } from './deals.inputs.ts'

const ZCustomFields = z.record(z.string(), z.unknown())

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
    lostReasonId: z.uuid().nullable(),
    lostReason: z.string().nullable(),
    customFields: ZCustomFields,
    /** The open task due first, or null: a deal without a next step (ADR 0168). */
    nextStep: z
      .object({ id: z.uuid(), type: ZTaskType, subject: z.string(), dueAt: z.string() })
      .nullable()
      .openapi('NextStep'),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Deal')
