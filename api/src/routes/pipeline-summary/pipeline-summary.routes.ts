import { createRoute, z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { problemResponse } from '../auth/auth.schemas.ts'

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
      }),
    ),
    totals: z.object({ openCount: z.number().int(), openAmount: ZMoney, openWeightedAmount: ZMoney }),
  })
  .openapi('PipelineSummary')

export const pipelineSummary = createRoute({
  method: 'get',
  path: '/pipeline-summary',
  tags: ['Deals'],
  summary: 'Per stage count, total and weighted value of the deals you see in a process (default process)',
  request: { query: z.object({ processId: z.uuid().optional() }) },
  responses: {
    200: { description: 'The summary', content: { 'application/json': { schema: ZPipelineSummary } } },
    401: problemResponse('Not signed in'),
    404: problemResponse('No such process'),
  },
})
