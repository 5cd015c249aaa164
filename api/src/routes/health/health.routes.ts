import { createRoute, z } from '@hono/zod-openapi'

export const ZHealth = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['up', 'down']),
    databaseMs: z.number().nullable(),
  })
  .openapi('Health')

export const getHealth = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Platform'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'API and database are up', content: { 'application/json': { schema: ZHealth } } },
    503: {
      description: 'The database cannot be reached',
      content: { 'application/json': { schema: ZHealth } },
    },
  },
})
