import { z } from '@hono/zod-openapi'
import { ZDateTime } from '../../lib/dates.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { line } from '../../lib/text.ts'

export const ZActivityType = z.enum(['call', 'email', 'meeting', 'note'])

export const ZActivityInput = z.object({
  type: ZActivityType,
  subject: line(200).nullable().optional(),
  description: z.string().trim().min(1, 'Describe what happened').max(10_000),
  /** When it happened; defaults to now. */
  occurredAt: ZDateTime.optional(),
  /** The member who took part (F10.2). */
  participantUserId: z.uuid('Not a valid id').nullable().optional(),
  dealId: z.uuid('Not a valid id').nullable().optional(),
})

export const ZActivity = z
  .object({
    id: z.uuid(),
    contactId: z.uuid(),
    dealId: z.uuid().nullable(),
    type: ZActivityType,
    subject: z.string().nullable(),
    description: z.string().nullable(),
    occurredAt: z.string(),
    participantUserId: z.uuid().nullable(),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
  })
  .openapi('Activity')

export const ZActivityPage = ZPage(ZActivity).openapi('ActivityPage')

export const ZActivityListQuery = ZListQuery.extend({
  contactId: z.uuid('Not a valid id').optional(),
  dealId: z.uuid('Not a valid id').optional(),
  type: ZActivityType.optional(),
})

export const ZTimelineItem = z
  .object({
    kind: z.enum(['activity', 'deal_created', 'stage_changed']),
    at: z.string(),
    /** The activity, deal or stage-change id. */
    id: z.uuid(),
    dealId: z.uuid().nullable(),
    dealName: z.string().nullable(),
    activityType: ZActivityType.nullable(),
    subject: z.string().nullable(),
    description: z.string().nullable(),
    fromStageName: z.string().nullable(),
    toStageName: z.string().nullable(),
    amount: z.string().nullable(),
    probability: z.number().int().nullable(),
    actorUserId: z.uuid().nullable(),
  })
  .openapi('TimelineItem')

export const ZTimelinePage = ZPage(ZTimelineItem).openapi('TimelinePage')
