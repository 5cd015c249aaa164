import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZOrganization,
  ZOrganizationInput,
  ZOrganizationListQuery,
  ZOrganizationPage,
  ZOrganizationPatch,
} from './organizations.schemas.ts'

const tags = ['Organizations']
const invalid = {
  400: problemResponse('Invalid fields (including customFields.<key>)'),
  422: problemResponse('parentId does not exist or would make a loop'),
}

export const listOrganizations = createRoute({
  method: 'get',
  path: '/organizations',
  tags,
  summary: 'Organizations by name; q matches a name fragment or a misspelling',
  request: { query: ZOrganizationListQuery },
  responses: { 200: { description: 'A page', ...jsonContent(ZOrganizationPage) }, ...memberRefusals },
})

export const createOrganization = creatingRoute({
  method: 'post',
  path: '/organizations',
  tags,
  summary: 'Create an organization, optionally under a parent company',
  request: { body: jsonBody(ZOrganizationInput) },
  responses: {
    201: { description: 'Created', ...jsonContent(ZOrganization) },
    ...invalid,
    ...memberRefusals,
  },
})

export const getOrganization = createRoute({
  method: 'get',
  path: '/organizations/{id}',
  tags,
  summary: 'One organization with its parent and subsidiaries',
  request: { params: ZIdParam },
  responses: { 200: { description: 'The organization', ...jsonContent(ZOrganization) }, ...memberRefusals },
})

export const updateOrganization = createRoute({
  method: 'patch',
  path: '/organizations/{id}',
  tags,
  summary: 'Change fields; customFields is merged (null removes a key)',
  request: { params: ZIdParam, body: jsonBody(ZOrganizationPatch) },
  responses: {
    200: { description: 'Updated', ...jsonContent(ZOrganization) },
    ...invalid,
    ...memberRefusals,
  },
})

export const deleteOrganization = createRoute({
  method: 'delete',
  path: '/organizations/{id}',
  tags,
  summary: 'Soft delete: hidden from lists and gets, data kept',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Deleted' }, ...memberRefusals },
})
