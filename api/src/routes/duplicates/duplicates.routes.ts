// Duplicates (issue 15, ADR 0172): likely duplicate contacts and organizations, merging two into one, and
// undoing a merge within its window.
import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import * as inputs from '../../services/duplicates/duplicates.inputs.ts'

const tags = ['Duplicates']

export const ZDuplicateRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    organizationName: z.string().nullable(),
    website: z.string().nullable(),
    assignedUserId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('DuplicateRecord')

export const ZDuplicateGroup = z
  .object({
    reason: inputs.ZDuplicateReason,
    /** The shared normalized value (e-mail, phone digits, domain) or the block the names were compared in. */
    key: z.string(),
    records: z.array(ZDuplicateRecord),
  })
  .openapi('DuplicateGroup')

export const ZDuplicatePage = z
  .object({ data: z.array(ZDuplicateGroup), nextCursor: z.string().nullable() })
  .openapi('DuplicatePage')

export const ZMerge = z
  .object({
    id: z.uuid(),
    entity: inputs.ZMergeEntity,
    survivorId: z.uuid(),
    otherId: z.uuid(),
    fields: z.array(z.string()),
    moved: z.record(z.string(), z.number().int()),
    mergedAt: z.string(),
    mergedBy: z.uuid().nullable(),
    undoUntil: z.string(),
    undoneAt: z.string().nullable(),
    undoneBy: z.uuid().nullable(),
  })
  .openapi('Merge')

export const listDuplicates = createRoute({
  method: 'get',
  path: '/duplicates',
  tags,
  summary:
    'Likely duplicate contacts or organizations, in groups with their reason (records the caller sees)',
  request: { query: inputs.ZDuplicatesQuery },
  responses: {
    200: jsonResponse('A page of groups', ZDuplicatePage),
    400: problemResponse('Invalid entity, limit or cursor'),
    ...memberRefusals,
  },
})

export const createMerge = creatingRoute({
  method: 'post',
  path: '/duplicates/merges',
  tags,
  summary: 'Merge the other record into the survivor, choosing per field whose value survives',
  request: { body: jsonBody(inputs.ZMerge.openapi('CreateMerge')) },
  responses: {
    201: jsonResponse('Merged', ZMerge),
    400: problemResponse('Invalid fields'),
    409: problemResponse('Related rows the caller cannot move, or an organization within the other’s group'),
    ...memberRefusals,
  },
})

export const getMerge = createRoute({
  method: 'get',
  path: '/duplicates/merges/{id}',
  tags,
  summary: 'One merge, with how long it can be undone',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse('The merge', ZMerge), ...memberRefusals },
})

export const undoMerge = createRoute({
  method: 'post',
  path: '/duplicates/merges/{id}/undo',
  tags,
  summary: 'Undo a merge within 30 days: the other record, the survivor’s values and the moved rows back',
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse('Undone', ZMerge),
    409: problemResponse('Already undone, too old, an e-mail taken since, or the survivor merged again'),
    ...memberRefusals,
  },
})
