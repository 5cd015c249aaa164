import { createRoute, z } from '@hono/zod-openapi'
import { ZHttpsUrl } from '../../lib/http-url.ts'
import { jsonBody, jsonContent, memberRefusals, problemResponse } from '../../lib/openapi.ts'
import { line } from '../../lib/text.ts'
import { ZTimeZone } from '../../lib/time-zone.ts'

export const ZWorkspace = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    companyName: z.string(),
    logoUrl: z.string().nullable(),
    industry: z.string().nullable(),
    timezone: z.string(),
    currency: z.string(),
    retentionDays: z.number().int(),
    status: z.enum(['prospect', 'pending', 'active', 'suspended', 'deleted']),
    activatedAt: z.string().nullable(),
  })
  .openapi('Workspace')

export const ZWorkspacePatch = z
  .object({
    companyName: line(120).min(1, 'Enter the company name'),
    logoUrl: ZHttpsUrl.nullable(),
    industry: line(80).nullable(),
    timezone: ZTimeZone,
    /** Days a deleted workspace is kept before the purge (F1.8). */
    retentionDays: z.number().int().min(1).max(3650),
  })
  .partial()
  .strict()

export const getWorkspace = createRoute({
  method: 'get',
  path: '/workspace',
  tags: ['Workspace'],
  summary: 'This workspace’s metadata (any member)',
  responses: { 200: { description: 'The workspace', ...jsonContent(ZWorkspace) }, ...memberRefusals },
})

export const updateWorkspace = createRoute({
  method: 'patch',
  path: '/workspace',
  tags: ['Workspace'],
  summary: 'Edit company name, logo, industry, time zone, retention (admins, audited)',
  request: { body: jsonBody(ZWorkspacePatch) },
  responses: {
    200: { description: 'The updated workspace', ...jsonContent(ZWorkspace) },
    400: problemResponse('Invalid fields'),
    ...memberRefusals,
  },
})
