import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { ZListQuery } from '../../lib/pagination.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZActivity,
  ZActivityInput,
  ZActivityListQuery,
  ZActivityPage,
  ZTimelinePage,
} from './activities.schemas.ts'

const tags = ['Activities']

export const createActivity = creatingRoute({
  method: 'post',
  path: '/contacts/{id}/activities',
  tags,
  summary: 'Log a call, email, meeting or note on a contact (immutable once written)',
  request: { params: ZIdParam, body: jsonBody(ZActivityInput) },
  responses: {
    201: { description: 'Logged', ...jsonContent(ZActivity) },
    400: problemResponse('Invalid fields'),
    422: problemResponse('dealId or participantUserId does not exist in this workspace'),
    ...memberRefusals,
  },
})

export const listContactActivities = createRoute({
  method: 'get',
  path: '/contacts/{id}/activities',
  tags,
  summary: "A contact's activities, newest first",
  request: { params: ZIdParam, query: ZListQuery },
  responses: { 200: { description: 'A page', ...jsonContent(ZActivityPage) }, ...memberRefusals },
})

export const listActivities = createRoute({
  method: 'get',
  path: '/activities',
  tags,
  summary: 'Activities the caller may see, filtered by contact, deal or type, newest first',
  request: { query: ZActivityListQuery },
  responses: { 200: { description: 'A page', ...jsonContent(ZActivityPage) }, ...memberRefusals },
})

export const deleteActivity = createRoute({
  method: 'delete',
  path: '/activities/{id}',
  tags,
  summary: 'Soft delete (there is no edit: activities are immutable, F10.4); author, managers, admins',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Deleted' }, ...memberRefusals },
})

export const contactTimeline = createRoute({
  method: 'get',
  path: '/contacts/{id}/timeline',
  tags,
  summary: "A contact's activities, deal creations and stage changes, newest first",
  request: { params: ZIdParam, query: ZListQuery },
  responses: { 200: { description: 'A page', ...jsonContent(ZTimelinePage) }, ...memberRefusals },
})
