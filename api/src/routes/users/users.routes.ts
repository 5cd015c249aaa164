import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { ZRole, ZUserPatch } from '../../services/users/users.inputs.ts'

export const ZMember = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: ZRole,
    status: z.enum(['active', 'deactivated']),
    avatarUrl: z.string().nullable(),
    department: z.string().nullable(),
    phone: z.string().nullable(),
    timezone: z.string().nullable().openapi({
      description: 'The IANA zone this member reads times in; null means the workspace’s (ADR 0164)',
    }),
    lastLoginAt: z.string().nullable(),
    deactivatedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Member')

export const listUsers = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Users'],
  summary: 'Members of this workspace, newest first',
  request: {
    query: ZListQuery.extend({
      role: ZRole.optional(),
      status: z.enum(['active', 'deactivated']).optional(),
    }),
  },
  responses: {
    200: { description: 'A page of members', ...jsonContent(ZPage(ZMember)) },
    ...memberRefusals,
  },
})

export const updateUser = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['Users'],
  summary: 'Edit profile fields (self or admin) or the role (admins; audited user.role_changed)',
  request: { params: ZIdParam, body: jsonBody(ZUserPatch) },
  responses: {
    200: { description: 'The updated member', ...jsonContent(ZMember) },
    400: problemResponse('Invalid fields'),
    409: problemResponse('Would leave the workspace without an active admin'),
    ...memberRefusals,
  },
})

export const deactivateUser = createRoute({
  method: 'post',
  path: '/users/{id}/deactivate',
  tags: ['Users'],
  summary:
    'Soft-delete a member: sessions and API tokens revoked at once, data kept (admins: anyone; managers: reps only)',
  request: { params: ZIdParam },
  responses: {
    200: { description: 'The deactivated member', ...jsonContent(ZMember) },
    409: problemResponse('You cannot deactivate yourself'),
    ...memberRefusals,
    403: problemResponse('The role may not do this: a manager deactivates reps only; or no recent step-up'),
  },
})
