import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponse } from '../../lib/openapi.ts'
import { ZPage } from '../../lib/pagination.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZCreateDeal,
  ZDeal,
  ZDealHistory,
  ZDealListQuery,
  ZDealParams,
  ZDealQuery,
  ZDealWithLines,
  ZMoveDeal,
  ZUpdateDeal,
} from './deals.schemas.ts'

const tags = ['Deals']
const common = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed for your role'),
}

export const listDeals = createRoute({
  method: 'get',
  path: '/deals',
  tags,
  summary: 'Deals you can see, filtered (F8.3), keyset-paginated; processId+stageId pages a board column',
  request: { query: ZDealListQuery },
  responses: {
    200: jsonResponse('A page of deals', ZPage(ZDeal)),
    400: problemResponse('Invalid filter'),
    ...common,
  },
})

export const createDeal = creatingRoute({
  method: 'post',
  path: '/deals',
  tags,
  summary: 'Create a deal (default process, first open stage and stage probability when omitted)',
  request: { body: jsonBody(ZCreateDeal) },
  responses: {
    201: jsonResponse('Created', ZDeal),
    400: problemResponse('Invalid fields'),
    422: problemResponse('Unknown process, stage or linked record, or required fields missing'),
    ...common,
  },
})

export const getDeal = createRoute({
  method: 'get',
  path: '/deals/{id}',
  tags,
  summary: 'One deal with its process and stage names (and its first lines with include=lineItems)',
  request: { params: ZDealParams, query: ZDealQuery },
  responses: {
    200: jsonResponse('The deal', ZDealWithLines),
    404: problemResponse('No such deal'),
    ...common,
  },
})

export const updateDeal = createRoute({
  method: 'patch',
  path: '/deals/{id}',
  tags,
  summary: 'Edit a deal; reassigning needs records.reassign and is audited',
  request: { params: ZDealParams, body: jsonBody(ZUpdateDeal) },
  responses: {
    200: jsonResponse('Updated', ZDeal),
    404: problemResponse('No such deal'),
    422: problemResponse('Amount follows line items, unknown linked record, or a required field cleared'),
    ...common,
  },
})

export const deleteDeal = createRoute({
  method: 'delete',
  path: '/deals/{id}',
  tags,
  summary: 'Soft-delete a deal',
  request: { params: ZDealParams },
  responses: { 204: { description: 'Deleted' }, 404: problemResponse('No such deal'), ...common },
})

export const moveDeal = createRoute({
  method: 'post',
  path: '/deals/{id}/stage',
  tags,
  summary:
    'Move a deal to a stage (of another process with processId); won/lost closes it (lost with a lostReasonId ' +
    'of the process), and a closed deal reopens only with reopen: true',
  request: { params: ZDealParams, body: jsonBody(ZMoveDeal) },
  responses: {
    200: jsonResponse('Moved', ZDeal),
    404: problemResponse('No such deal'),
    422: problemResponse(
      'Stage not in the process, required fields missing, a closed deal without reopen, or a lost reason ' +
        'that is not one of the process’s',
    ),
    ...common,
  },
})

export const dealHistory = createRoute({
  method: 'get',
  path: '/deals/{id}/history',
  tags,
  summary: 'Stage history and audit trail of a deal, newest first',
  request: { params: ZDealParams },
  responses: { 200: jsonResponse('History', ZDealHistory), 404: problemResponse('No such deal'), ...common },
})
