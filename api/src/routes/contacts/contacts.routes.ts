import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZContact,
  ZContactInput,
  ZContactListQuery,
  ZContactPage,
  ZContactPatch,
} from './contacts.schemas.ts'

const tags = ['Contacts']
const writeRefusals = {
  400: problemResponse('Invalid fields (including customFields.<key>)'),
  409: problemResponse('A live contact has this email (existingContactId names it when visible)'),
  422: problemResponse('organizationId or assignedUserId does not exist in this workspace'),
  ...memberRefusals,
}

export const listContacts = createRoute({
  method: 'get',
  path: '/contacts',
  tags,
  summary: 'Contacts the caller may see; q searches name, email, phone and company, ranked',
  request: { query: ZContactListQuery },
  responses: { 200: { description: 'A page', ...jsonContent(ZContactPage) }, ...memberRefusals },
})

export const createContact = creatingRoute({
  method: 'post',
  path: '/contacts',
  tags,
  summary: 'Create a contact (assigned to the creator unless a manager assigns someone)',
  request: { body: jsonBody(ZContactInput) },
  responses: { 201: { description: 'Created', ...jsonContent(ZContact) }, ...writeRefusals },
})

export const getContact = createRoute({
  method: 'get',
  path: '/contacts/{id}',
  tags,
  summary: 'One contact',
  request: { params: ZIdParam },
  responses: { 200: { description: 'The contact', ...jsonContent(ZContact) }, ...memberRefusals },
})

export const updateContact = createRoute({
  method: 'patch',
  path: '/contacts/{id}',
  tags,
  summary: 'Change fields; changing assignedUserId is a reassignment (managers, admins; audited)',
  request: { params: ZIdParam, body: jsonBody(ZContactPatch) },
  responses: { 200: { description: 'Updated', ...jsonContent(ZContact) }, ...writeRefusals },
})

export const deleteContact = createRoute({
  method: 'delete',
  path: '/contacts/{id}',
  tags,
  summary: 'Soft delete; the email becomes free again',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Deleted' }, ...memberRefusals },
})
