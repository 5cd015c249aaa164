import { createRoute, z } from '@hono/zod-openapi'
import { memberRefusals, problemResponse } from '../../lib/openapi.ts'
import { EXPORT_ENTITIES } from '../../services/export/export-entities.ts'

export const ZExportQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json'),
    entity: z
      .enum(EXPORT_ENTITIES)
      .optional()
      .openapi({ description: 'Required for csv: one table per file' }),
  })
  .refine((q) => q.format === 'json' || q.entity, {
    message: 'Choose which records to export as CSV',
    path: ['entity'],
  })

export const exportData = createRoute({
  method: 'get',
  path: '/export',
  tags: ['Export'],
  summary:
    "Download the workspace's data (admins, after step-up): all of it as JSON, or one entity as CSV. Streamed.",
  request: { query: ZExportQuery },
  responses: {
    200: {
      description: 'The export, streamed as an attachment',
      content: {
        'application/json': { schema: z.object({}).passthrough() },
        'text/csv': { schema: z.string() },
      },
    },
    400: problemResponse('Invalid query'),
    ...memberRefusals,
  },
})
