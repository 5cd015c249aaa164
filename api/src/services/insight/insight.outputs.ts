import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { ZInsightPeriod } from './insight.inputs.ts'

const ZCount = z.number().int()
/** A percentage with one decimal, or null when there is nothing to divide by. */
const ZPercent = z.number().nullable()

export const ZInsightFigures = z.object({
  openCount: ZCount,
  openAmount: ZMoney,
  /** Σ amount × probability / 100 of the open deals, rounded to cents. */
  openWeightedAmount: ZMoney,
  wonCount: ZCount,
  /** Σ final amounts (frozen at closing) of the deals won in the period. */
  wonAmount: ZMoney,
  lostCount: ZCount,
  lostAmount: ZMoney,
  /** won / (won + lost) in the period, by count. */
  winRate: ZPercent,
  /** Mean days from creation to winning, for the deals won in the period, one decimal. */
  averageDaysToClose: z.number().nullable(),
})

export const ZInsight = z
  .object({
    currency: z.string(),
    processId: z.uuid().nullable(),
    ownerId: z.uuid().nullable(),
    period: z.object({ kind: ZInsightPeriod, from: z.iso.date(), to: z.iso.date() }),
    /** The team (a rep: themself) over everything in scope. */
    totals: ZInsightFigures,
    /** Per owner (unowned deals: userId null), largest open pipeline first. */
    owners: z.array(ZInsightFigures.extend({ userId: z.uuid().nullable(), name: z.string().nullable() })),
    /**
     * With a process: its funnel. `reached` counts the deals at or past the stage now (open deals at it or a
     * later open stage, and every won deal); `conversion` is the share of those that reached the next stage.
     * Lost deals and lost stages are outside the funnel (ADR 0170).
     */
    stages: z.array(
      z.object({
        stageId: z.uuid(),
        name: z.string(),
        kind: z.enum(['open', 'won']),
        openCount: ZCount,
        openAmount: ZMoney,
        reached: ZCount,
        conversion: ZPercent,
      }),
    ),
    /** The last 12 months, oldest first, this month included. */
    trend: z.array(z.object({ month: z.string(), wonCount: ZCount, wonAmount: ZMoney })),
  })
  .openapi('Insight')
export type Insight = z.infer<typeof ZInsight>
