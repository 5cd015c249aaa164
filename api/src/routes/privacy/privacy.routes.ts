// GDPR (issue 15, ADR 0173): one contact's personal data downloaded or erased, and the workspace's deletion
// requested by its own admin.
import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import * as inputs from '../../services/privacy/privacy.inputs.ts'

const tags = ['Privacy']

export const ZEraseContact = inputs.ZEraseContact.openapi('EraseContact')
export const ZDeleteWorkspace = inputs.ZDeleteWorkspace.openapi('DeleteWorkspace')

export const ZContactErasure = z
  .object({
    pseudonym: z
      .string()
      .openapi({ description: 'What now stands in audit entries where their values were' }),
    activitiesDeleted: z.number().int(),
    tasksDeleted: z.number().int(),
    notificationsDeleted: z.number().int(),
    dealsUnlinked: z.number().int(),
    auditEntriesPseudonymised: z.number().int(),
    emailsRewritten: z.number().int(),
    storedAnswersDeleted: z.number().int(),
  })
  .openapi('ContactErasure')

export const ZWorkspaceDeletion = z
  .object({
    slug: z.string(),
    status: z.string(),
    purgeAfter: z.string().nullable().openapi({ description: 'When the hourly purge hard-deletes it' }),
  })
  .openapi('WorkspaceDeletion')

export const exportPersonalData = createRoute({
  method: 'get',
  path: '/contacts/{id}/personal-data',
  tags,
  summary:
    'Everything held about one contact (admins): the contact, activities, tasks, deals, notifications and audit entries, as a JSON attachment',
  request: { params: ZIdParam },
  responses: {
    200: {
      description: 'The personal data, as an attachment',
      content: { 'application/json': { schema: z.object({}).passthrough() } },
    },
    ...memberRefusals,
  },
})

export const eraseContact = createRoute({
  method: 'post',
  path: '/contacts/{id}/erase',
  tags,
  summary:
    'Erase a contact (admins, after step-up): the contact, their activities and tasks deleted, deals unlinked, audit entries pseudonymised',
  request: { params: ZIdParam, body: jsonBody(ZEraseContact) },
  responses: {
    200: jsonResponse('Erased', ZContactErasure),
    400: problemResponse('The typed name does not match'),
    ...memberRefusals,
  },
})

export const deleteWorkspace = createRoute({
  method: 'post',
  path: '/workspace/deletion',
  tags,
  summary:
    'Delete this workspace (admins, after step-up): closed at once, purged when its retention period has passed',
  request: { body: jsonBody(ZDeleteWorkspace) },
  responses: {
    200: jsonResponse('Deleted; purged after the retention period', ZWorkspaceDeletion),
    400: problemResponse('The typed address does not match'),
    409: problemResponse('Already deleted'),
    ...memberRefusals,
  },
})
