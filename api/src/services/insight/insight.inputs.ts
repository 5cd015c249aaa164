// What the insight page asks (issue 14, ADR 0170): one process or all, this month, quarter or year (in the
// workspace's time zone), and for a lead optionally one owner.
import { z } from '@hono/zod-openapi'

export const ZInsightPeriod = z.enum(['month', 'quarter', 'year'])

export const ZInsightQuery = z.object({
  /** One process; all processes when absent (then without a stage funnel: stages differ per process). */
  processId: z.uuid('Not a valid id').optional(),
  /** The period "won and lost" count in: the current month, quarter or year. */
  period: ZInsightPeriod.default('month'),
  /** A lead narrows to one owner; a rep's insight is always their own deals (another id is a 404). */
  ownerId: z.uuid('Not a valid id').optional(),
})
export type TInsightQuery = z.infer<typeof ZInsightQuery>
