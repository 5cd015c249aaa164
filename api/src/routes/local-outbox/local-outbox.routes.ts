import { createRoute, z } from '@hono/zod-openapi'
import { problemResponse } from '../../lib/openapi.ts'

export const ZOutboxEmail = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    template: z.string(),
    status: z.enum(['pending', 'sending', 'sent', 'failed']),
    createdAt: z.string(),
  })
  .openapi('LocalOutboxEmail')

export const listOutbox = createRoute({
  method: 'get',
  path: '/platform/outbox',
  tags: ['Local development'],
  summary:
    'Local mode only (no RESEND_API_KEY), root domain: the newest queued emails, so links can be followed. 404 otherwise.',
  responses: {
    200: {
      description: 'Newest first, at most 50',
      content: { 'application/json': { schema: z.object({ data: z.array(ZOutboxEmail) }) } },
    },
    404: problemResponse('Not in local mode, or not the root domain'),
  },
})
