import { createRoute, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../context.ts'
import { jsonBody, jsonResponse, memberRefusals, problemResponse } from '../../lib/openapi.ts'

const tags = ['Workspace archive']

/** The envelope only: parseArchive checks the rest, naming each bad value. */
const ZArchive = z
  .object({
    format: z.literal('aura-workspace-archive', 'Not a workspace archive'),
    version: z.number('Must be a number').int(),
    exportedAt: z.string(),
    workspace: z.object({}).passthrough(),
    tables: z.record(z.string(), z.array(z.object({}).passthrough())),
  })
  .passthrough()
  .openapi('WorkspaceArchive')

export const ZRestoreResult = z
  .object({
    /** Rows written per table; `users` counts the people created. */
    restored: z.record(z.string(), z.number().int()),
    /** Archived people who were already members of this workspace (same email). */
    matchedUsers: z.number().int(),
  })
  .openapi('WorkspaceRestoreResult')

export const downloadArchive = createRoute({
  method: 'get',
  path: '/workspace/archive',
  tags,
  summary:
    'Download the complete, versioned workspace archive (admins, after step-up; audited; streamed). It restores into an empty workspace.',
  responses: {
    // No schema here: the body is a stream (application/json, the WorkspaceArchive shape).
    200: { description: 'The archive as an application/json attachment (WorkspaceArchive), streamed' },
    ...memberRefusals,
  },
})

export const restoreArchive = (guards: MiddlewareHandler<AppEnv>[]) =>
  createRoute({
    method: 'post',
    path: '/workspace/archive/restore',
    tags,
    summary:
      'Restore an archive into this workspace, which must be new and empty (admins, after step-up; audited; one transaction). Restored people have no password until they use "forgot password".',
    middleware: guards,
    request: { body: jsonBody(ZArchive) },
    responses: {
      200: jsonResponse('Restored', ZRestoreResult),
      400: problemResponse(
        'Not an archive, or a value, reference or total in it is wrong (each field named)',
      ),
      409: problemResponse('The workspace has records already, or archived people have accounts elsewhere'),
      413: problemResponse('Larger than the HTTP limit: use npm run workspace:restore'),
      422: problemResponse('An archive version this server cannot restore'),
      ...memberRefusals,
    },
  })
