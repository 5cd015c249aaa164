// Tasks (issue 14, ADR 0168): the next steps on deals and contacts, planned, rescheduled and completed.
import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { ZPage } from '../../lib/pagination.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import * as inputs from '../../services/tasks/tasks.inputs.ts'

const tags = ['Tasks']

export const ZTask = z
  .object({
    id: z.uuid(),
    type: inputs.ZTaskType,
    subject: z.string(),
    notes: z.string().nullable(),
    dueAt: z.string(),
    assigneeUserId: z.uuid(),
    dealId: z.uuid().nullable(),
    /** Null when the caller cannot see the deal. */
    dealName: z.string().nullable(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    completedAt: z.string().nullable(),
    completedBy: z.uuid().nullable(),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
  })
  .openapi('Task')

export const listTasks = createRoute({
  method: 'get',
  path: '/tasks',
  tags,
  summary: 'Open tasks of a member, deal or contact, soonest due first (done ones of a deal or contact)',
  request: { query: inputs.ZTaskListQuery },
  responses: {
    200: jsonResponse('A page', ZPage(ZTask).openapi('TaskPage')),
    400: problemResponse('Neither assignee, dealId nor contactId'),
    ...memberRefusals,
  },
})

export const createTask = creatingRoute({
  method: 'post',
  path: '/tasks',
  tags,
  summary: 'Plan a task on a deal and/or contact; a rep for themself only',
  request: { body: jsonBody(inputs.ZCreateTask.openapi('CreateTask')) },
  responses: {
    201: jsonResponse('Planned', ZTask),
    400: problemResponse('Invalid fields'),
    422: problemResponse('Unknown deal, contact or assignee, or an assignee who cannot see them'),
    ...memberRefusals,
  },
})

export const getTask = createRoute({
  method: 'get',
  path: '/tasks/{id}',
  tags,
  summary: 'One task',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse('The task', ZTask), ...memberRefusals },
})

export const updateTask = createRoute({
  method: 'patch',
  path: '/tasks/{id}',
  tags,
  summary: 'Reschedule, reassign or reword an open task (leads, or its assignee)',
  request: { params: ZIdParam, body: jsonBody(inputs.ZUpdateTask.openapi('UpdateTask')) },
  responses: {
    200: jsonResponse('Changed', ZTask),
    400: problemResponse('Invalid fields'),
    409: problemResponse('The task is completed'),
    422: problemResponse('Unknown assignee, or one who cannot see the task’s records'),
    ...memberRefusals,
  },
})

export const completeTask = createRoute({
  method: 'post',
  path: '/tasks/{id}/complete',
  tags,
  summary: 'Mark a task done (again: answers it unchanged)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse('Completed', ZTask), ...memberRefusals },
})

export const deleteTask = createRoute({
  method: 'delete',
  path: '/tasks/{id}',
  tags,
  summary: 'Remove a task (leads, or its assignee)',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Deleted' }, ...memberRefusals },
})
