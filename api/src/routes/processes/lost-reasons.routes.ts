// A process's lost reasons (issue 13): every member reads them ("Mark as lost" offers them); admins edit.
import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponse } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import { ZCreateLostReason } from '../../services/processes/processes.inputs.ts'
import { ZProcessParams } from './processes.schemas.ts'

const tags = ['Processes']
const denied = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Only admins edit lost reasons (processes.manage)'),
}

export const ZLostReason = z
  .object({ id: z.uuid(), label: z.string(), position: z.number().int() })
  .openapi('LostReason')

export const listLostReasons = createRoute({
  method: 'get',
  path: '/processes/{id}/lost-reasons',
  tags,
  summary: 'Why deals of this process are lost: the live reasons, in order',
  request: { params: ZProcessParams },
  responses: {
    200: jsonResponse('Lost reasons', z.object({ data: z.array(ZLostReason) })),
    404: problemResponse('No such process'),
    ...denied,
  },
})

export const createLostReason = creatingRoute({
  method: 'post',
  path: '/processes/{id}/lost-reasons',
  tags,
  summary: 'Add a lost reason at the end of the list (admins)',
  request: { params: ZProcessParams, body: jsonBody(ZCreateLostReason.openapi('CreateLostReason')) },
  responses: {
    201: jsonResponse('Added', ZLostReason),
    400: problemResponse('Invalid label'),
    404: problemResponse('No such process'),
    422: problemResponse('Already in the list'),
    ...denied,
  },
})

export const archiveLostReason = createRoute({
  method: 'delete',
  path: '/processes/{id}/lost-reasons/{reasonId}',
  tags,
  summary: 'Take a reason off the list; deals lost for it keep it (admins)',
  request: { params: z.object({ id: z.uuid(), reasonId: z.uuid() }) },
  responses: {
    204: { description: 'Archived' },
    404: problemResponse('No such reason in this process'),
    ...denied,
  },
})
