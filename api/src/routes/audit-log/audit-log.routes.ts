import { createRoute, z } from '@hono/zod-openapi'
import { ZDateTime } from '../../lib/dates.ts'
import { jsonContent, memberRefusals } from '../../lib/openapi.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'

export const ZAuditEntry = z
  .object({
    id: z.uuid(),
    action: z.string(),
    actorUserId: z.uuid().nullable(),
    entityType: z.string().nullable(),
    entityId: z.uuid().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AuditEntry')

export const listAuditLog = createRoute({
  method: 'get',
  path: '/audit-log',
  tags: ['Audit'],
  summary: 'The workspace audit trail, newest first, with filters (admins, F14.5)',
  request: {
    query: ZListQuery.extend({
      action: z.string().max(100).optional(),
      category: z.enum(['security']).optional().openapi({
        description: 'security: only security events (RLS refusals, cross-workspace credentials, id probing)',
      }),
      actor: z.uuid().optional().openapi({ description: 'Acting user id' }),
      entityType: z.string().max(50).optional(),
      entityId: z.uuid().optional(),
      from: ZDateTime.optional().openapi({ description: 'Inclusive lower bound' }),
      to: ZDateTime.optional().openapi({ description: 'Exclusive upper bound' }),
    }),
  },
  responses: {
    200: { description: 'A page of audit entries', ...jsonContent(ZPage(ZAuditEntry)) },
    ...memberRefusals,
  },
})
