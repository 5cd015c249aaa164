// CSV imports (issue 15, ADR 0174): upload a file, correct the mapping, start, watch, undo.
import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import * as inputs from '../../services/imports/imports.inputs.ts'

const tags = ['Imports']

const ZCounts = z.object({
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  rejected: z.number(),
})

export const ZImportSummary = z
  .object({
    id: z.uuid(),
    entity: inputs.ZImportEntity,
    status: z.enum(['uploaded', 'running', 'done', 'undoing', 'undone']),
    fileName: z.string(),
    totalRows: z.number(),
    processedRows: z.number(),
    undoneRows: z.number(),
    counts: ZCounts,
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
  })
  .openapi('ImportSummary')

const ZFieldError = z.object({ field: z.string(), message: z.string() })

export const ZImport = ZImportSummary.extend({
  encoding: z.string(),
  delimiter: z.string(),
  columns: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  dedupeMode: inputs.ZDedupeMode,
  /** The fields a column can fill. */
  fields: z.array(z.object({ key: z.string(), label: z.string() })),
  /** What stops the import from starting (empty when it can). */
  mappingErrors: z.array(ZFieldError),
  /** While uploaded: the first rows as the run would treat them. */
  preview: z.array(
    z.object({
      rowNo: z.number(),
      cells: z.array(z.string()),
      action: z.enum(['create', 'update', 'skip', 'reject']),
      reason: z.string().nullable(),
      errors: z.array(ZFieldError.extend({ column: z.number().nullable() })),
    }),
  ),
}).openapi('Import')

export const ZUpload = z
  .object({
    entity: inputs.ZImportEntity,
    file: z
      .custom<Blob>((v) => v instanceof Blob, 'Attach a CSV file')
      .openapi({
        type: 'string',
        format: 'binary',
        description: 'UTF-8 (BOM or not) or Windows-1252; , or ;',
      }),
  })
  .openapi('ImportUpload')

export const createImport = creatingRoute({
  method: 'post',
  path: '/imports',
  tags,
  summary:
    'Upload a CSV file of contacts or organizations (at most 20 MB and 100,000 rows); columns mapped by guess',
  request: { body: { content: { 'multipart/form-data': { schema: ZUpload } }, required: true } },
  responses: {
    201: jsonResponse('Uploaded, not started', ZImport),
    400: problemResponse('Not a CSV file, or no rows'),
    413: problemResponse('Over 20 MB'),
    ...memberRefusals,
  },
})

export const listImports = createRoute({
  method: 'get',
  path: '/imports',
  tags,
  summary: 'Your imports, newest first',
  request: { query: ZListQuery },
  responses: { 200: jsonResponse('A page', ZPage(ZImportSummary).openapi('ImportPage')), ...memberRefusals },
})

export const getImport = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags,
  summary: 'An import: mapping and preview while uploaded, progress while running, counts when done',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse('The import', ZImport), ...memberRefusals },
})

export const mapImport = createRoute({
  method: 'patch',
  path: '/imports/{id}',
  tags,
  summary: 'Correct the column mapping or the duplicate mode before starting',
  request: { params: ZIdParam, body: jsonBody(inputs.ZMapImport.openapi('MapImport')) },
  responses: {
    200: jsonResponse('The import with its new preview', ZImport),
    400: problemResponse('A mapping that does not fit the file'),
    409: problemResponse('Already started'),
    ...memberRefusals,
  },
})

const action = <P extends string>(path: P, summary: string, refused: string) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { params: ZIdParam },
    responses: {
      202: jsonResponse('Under way', ZImport),
      400: problemResponse('The mapping is not complete (each problem named)'),
      409: problemResponse(refused),
      ...memberRefusals,
    },
  })

export const startImport = action(
  '/imports/{id}/start',
  'Start writing the rows, in the background',
  'Already started',
)
export const undoImport = action(
  '/imports/{id}/undo',
  'Undo a finished import: records it created removed, records it updated given back their values',
  'Not finished, or already undone',
)

export const rejectedRows = createRoute({
  method: 'get',
  path: '/imports/{id}/rejected',
  tags,
  summary: 'The rows that were rejected, as CSV with the row number and the reason',
  request: { params: ZIdParam },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...memberRefusals,
  },
})
