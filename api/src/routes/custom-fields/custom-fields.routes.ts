import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import { ZCustomField, ZCustomFieldEntity, ZCustomFieldInput } from './custom-fields.schemas.ts'

export const listCustomFields = createRoute({
  method: 'get',
  path: '/custom-fields',
  tags: ['Custom fields'],
  summary: 'Custom field definitions of this workspace (all members read them to fill in records)',
  request: { query: z.object({ entity: ZCustomFieldEntity.optional() }) },
  responses: {
    200: {
      description: 'All live definitions (few per workspace: one page)',
      ...jsonContent(z.object({ data: z.array(ZCustomField), nextCursor: z.null() })),
    },
    ...memberRefusals,
  },
})

export const createCustomField = creatingRoute({
  method: 'post',
  path: '/custom-fields',
  tags: ['Custom fields'],
  summary: 'Define a custom field for organizations, contacts, deals or products (admins)',
  request: { body: jsonBody(ZCustomFieldInput) },
  responses: {
    201: { description: 'Defined', ...jsonContent(ZCustomField) },
    400: problemResponse('Invalid fields'),
    409: problemResponse('The key is already used on this entity'),
    ...memberRefusals,
  },
})

export const deleteCustomField = createRoute({
  method: 'delete',
  path: '/custom-fields/{id}',
  tags: ['Custom fields'],
  summary: 'Retire a definition (admins); values already stored on records are kept',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Retired' }, ...memberRefusals },
})
