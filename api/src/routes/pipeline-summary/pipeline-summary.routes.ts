import { createRoute, z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { problemResponse } from '../../lib/openapi.ts'
import { ZDeal } from '../../services/deals/deals.outputs.ts'

export const ZPipelineSummary = z
  .object({
    processId: z.uuid(),
    processName: z.string(),
    stages: z.array(
      z.object({
        stageId: z.uuid(),
        name: z.string(),
        kind: z.enum(['open', 'won', 'lost']),
        position: z.number().int(),
        winProbability: z.number().int(),
        count: z.number().int(),
        totalAmount: ZMoney,
        /** sum(amount × probability / 100), exact, rounded to cents. */
        weightedAmount: ZMoney,
        /** With ?firstDeals=n: the stage's first n deals, newest change first (the board's column). */
        deals: z.array(ZDeal).optional(),
        /** With ?firstDeals=n: continue with GET /deals?processId=&stageId=&cursor=. */
        nextCursor: z.string().nullable().optional(),
      }),
    ),
    totals: z.object({ openCount: z.number().int(), openAmount: ZMoney, openWeightedAmount: ZMoney }),
  })
  .openapi('PipelineSummary')

export const pipelineSummary = createRoute({
  method: 'get',
  path: '/pipeline-summary',
  tags: ['Deals'],
  summary:
    'Per stage count, total and weighted value of the deals you see in a process (default process); optionally each stage’s first deals',
  request: {
    query: z.object({
      processId: z.uuid().optional(),
      /** The board in one request: each stage's first deals too (its own identity and transaction once). */
      firstDeals: z.coerce.number().int().min(1).max(100).optional(),
    }),
  },
  responses: {
    200: { description: 'The summary', content: { 'application/json': { schema: ZPipelineSummary } } },
    401: problemResponse('Not signed in'),
    404: problemResponse('No such process'),
  },
})
