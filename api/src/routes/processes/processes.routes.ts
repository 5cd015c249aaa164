import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponse } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZCreateProcess,
  ZCreateStage,
  ZDeleteStageQuery,
  ZProcess,
  ZProcessListQuery,
  ZProcessParams,
  ZReorderStages,
  ZStage,
  ZStageParams,
  ZUpdateProcess,
  ZUpdateStage,
} from './processes.schemas.ts'

const tags = ['Processes']
const denied = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Only admins manage processes (processes.manage)'),
}

export const listProcesses = createRoute({
  method: 'get',
  path: '/processes',
  tags,
  summary: 'Sales processes with their ordered stages (archived ones with includeArchived=true)',
  request: { query: ZProcessListQuery },
  responses: { 200: jsonResponse('Processes', z.object({ data: z.array(ZProcess) })), ...denied },
})

export const createProcess = creatingRoute({
  method: 'post',
  path: '/processes',
  tags,
  summary: 'Create a process, with its stages in one go or empty (admins)',
  request: { body: jsonBody(ZCreateProcess) },
  responses: {
    201: jsonResponse('Created', ZProcess),
    400: problemResponse('Invalid fields'),
    422: problemResponse('No open stage'),
    ...denied,
  },
})

export const getProcess = createRoute({
  method: 'get',
  path: '/processes/{id}',
  tags,
  summary: 'One process with its ordered stages',
  request: { params: ZProcessParams },
  responses: {
    200: jsonResponse('The process', ZProcess),
    404: problemResponse('No such process'),
    ...denied,
  },
})

export const updateProcess = createRoute({
  method: 'patch',
  path: '/processes/{id}',
  tags,
  summary: 'Rename, archive/unarchive, or make the default (exactly one per tenant) (admins)',
  request: { params: ZProcessParams, body: jsonBody(ZUpdateProcess) },
  responses: {
    200: jsonResponse('Updated', ZProcess),
    404: problemResponse('No such process'),
    422: problemResponse('The default cannot be archived'),
    ...denied,
  },
})

export const deleteProcess = createRoute({
  method: 'delete',
  path: '/processes/{id}',
  tags,
  summary: 'Delete a process that has no deals (archive one that has) (admins)',
  request: { params: ZProcessParams },
  responses: {
    204: { description: 'Deleted' },
    404: problemResponse('No such process'),
    409: problemResponse('The process has deals: archive it instead'),
    422: problemResponse('The default process cannot be deleted'),
    ...denied,
  },
})

export const createStage = creatingRoute({
  method: 'post',
  path: '/processes/{id}/stages',
  tags,
  summary: 'Add a stage at the end of the process (admins)',
  request: { params: ZProcessParams, body: jsonBody(ZCreateStage) },
  responses: { 201: jsonResponse('Created', ZStage), 404: problemResponse('No such process'), ...denied },
})

export const updateStage = createRoute({
  method: 'patch',
  path: '/processes/{id}/stages/{stageId}',
  tags,
  summary: 'Rename a stage, change its probability, required fields or kind (admins)',
  request: { params: ZStageParams, body: jsonBody(ZUpdateStage) },
  responses: {
    200: jsonResponse('Updated', ZStage),
    404: problemResponse('No such stage in this process'),
    409: problemResponse('The stage holds deals: its kind cannot change'),
    422: problemResponse('The last open stage'),
    ...denied,
  },
})

export const reorderStages = createRoute({
  method: 'post',
  path: '/processes/{id}/stages/reorder',
  tags,
  summary: 'Reorder the stages: stageIds lists every stage of the process once (admins)',
  request: { params: ZProcessParams, body: jsonBody(ZReorderStages) },
  responses: {
    200: jsonResponse('The stages in their new order', z.object({ data: z.array(ZStage) })),
    404: problemResponse('No such process'),
    422: problemResponse('Not a permutation of the stages'),
    ...denied,
  },
})

export const deleteStage = createRoute({
  method: 'delete',
  path: '/processes/{id}/stages/{stageId}',
  tags,
  summary: 'Delete a stage; deals in it move to ?moveTo= (a stage of the same process and kind) (admins)',
  request: { params: ZStageParams, query: ZDeleteStageQuery },
  responses: {
    204: { description: 'Deleted' },
    404: problemResponse('No such stage in this process'),
    422: problemResponse('moveTo missing or invalid, or the last open stage'),
    ...denied,
  },
})
