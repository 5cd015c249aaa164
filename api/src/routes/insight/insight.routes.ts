import { createRoute } from '@hono/zod-openapi'
import { problemResponse } from '../../lib/openapi.ts'
import { ZInsightQuery } from '../../services/insight/insight.inputs.ts'
import { ZInsight } from '../../services/insight/insight.outputs.ts'

export const getInsight = createRoute({
  method: 'get',
  path: '/insight',
  tags: ['Deals'],
  summary:
    'Open pipeline, won and lost in the period, win rate, days to close, stage funnel and 12-month trend: the team’s per owner for admins and managers, your own for a rep',
  request: { query: ZInsightQuery },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: ZInsight } } },
    401: problemResponse('Not signed in'),
    404: problemResponse('No such process, no such member, or (for a rep) another owner'),
  },
})
