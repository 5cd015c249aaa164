// A user's saved views of a list (issue 13): private to their owner, so another user's view is a 404.
import { schema } from '@aura/db'
import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, memberRefusals, problemResponse } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import * as inputs from '../../services/saved-views/saved-views.inputs.ts'

const tags = ['Saved views']

export const ZSavedView = z
  .object({
    id: z.uuid(),
    list: z.enum(schema.SAVED_VIEW_LISTS),
    name: z.string(),
    filters: inputs.ZDealViewFilters.openapi('DealViewFilters'),
  })
  .openapi('SavedView')

const ZViewParams = z.object({ id: z.uuid() })

export const listSavedViews = createRoute({
  method: 'get',
  path: '/saved-views',
  tags,
  summary: 'The caller’s saved views of a list, by name',
  request: { query: inputs.ZSavedViewQuery },
  responses: {
    200: jsonResponse('Saved views', z.object({ data: z.array(ZSavedView) })),
    400: problemResponse('Unknown list'),
    ...memberRefusals,
  },
})

export const createSavedView = creatingRoute({
  method: 'post',
  path: '/saved-views',
  tags,
  summary: 'Save the list’s current filters under a name',
  description: `Filters are the list's own query parameters (paging left out), checked as the list checks them. At most ${inputs.MAX_VIEWS_PER_LIST} views per user and list.`,
  request: { body: jsonBody(inputs.ZCreateSavedView.openapi('CreateSavedView')) },
  responses: {
    201: jsonResponse('Saved', ZSavedView),
    400: problemResponse('Invalid name or filters'),
    422: problemResponse('Name already used, or too many views'),
    ...memberRefusals,
  },
})

export const updateSavedView = createRoute({
  method: 'patch',
  path: '/saved-views/{id}',
  tags,
  summary: 'Rename a view or replace its filters',
  request: { params: ZViewParams, body: jsonBody(inputs.ZUpdateSavedView.openapi('UpdateSavedView')) },
  responses: {
    200: jsonResponse('Saved', ZSavedView),
    400: problemResponse('Invalid name or filters'),
    422: problemResponse('Name already used'),
    ...memberRefusals,
  },
})

export const deleteSavedView = createRoute({
  method: 'delete',
  path: '/saved-views/{id}',
  tags,
  summary: 'Delete one of the caller’s views',
  request: { params: ZViewParams },
  responses: { 204: { description: 'Deleted' }, ...memberRefusals },
})
