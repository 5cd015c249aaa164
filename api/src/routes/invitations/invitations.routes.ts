import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam, ZMe } from '../../lib/openapi.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZAcceptInvitation,
  ZCreateInvitation,
  ZPreviewInvitation,
} from '../../services/invitations/invitations.inputs.ts'

export const ZInvitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(['admin', 'manager', 'rep']),
    invitedBy: z.uuid().nullable(),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('Invitation')

export const createInvitation = creatingRoute({
  method: 'post',
  path: '/invitations',
  tags: ['Invitations'],
  summary:
    'Invite someone by email with a role; replaces their pending invitation (admins: any role; managers: rep only)',
  request: { body: jsonBody(ZCreateInvitation) },
  responses: {
    201: { description: 'Invitation sent', ...jsonContent(ZInvitation) },
    400: problemResponse('Invalid fields'),
    409: problemResponse('Already a member, or an admin’s pending invitation a manager cannot replace'),
    ...memberRefusals,
    403: problemResponse('The role may not do this: a manager invites reps only (field `role`)'),
  },
})

export const listInvitations = createRoute({
  method: 'get',
  path: '/invitations',
  tags: ['Invitations'],
  summary: 'Pending invitations, newest first (admins: all; managers: rep invitations only)',
  request: { query: ZListQuery },
  responses: {
    200: { description: 'A page of pending invitations', ...jsonContent(ZPage(ZInvitation)) },
    ...memberRefusals,
  },
})

export const revokeInvitation = createRoute({
  method: 'delete',
  path: '/invitations/{id}',
  tags: ['Invitations'],
  summary: 'Withdraw a pending invitation (admins: any; managers: rep invitations only)',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Withdrawn' }, ...memberRefusals },
})

export const ZInvitationPreview = z
  .object({
    companyName: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'manager', 'rep']),
    expiresAt: z.string(),
  })
  .openapi('InvitationPreview')

export const previewInvitation = createRoute({
  method: 'post',
  path: '/invitations/preview',
  tags: ['Invitations'],
  summary: 'What an emailed token invites to (company, email, role), before accepting; reads only',
  request: { body: jsonBody(ZPreviewInvitation) },
  responses: {
    200: { description: 'A usable invitation of this workspace', ...jsonContent(ZInvitationPreview) },
    400: problemResponse('Not a token'),
    404: problemResponse('Unknown here, used, withdrawn or expired (one answer for all)'),
  },
})

export const acceptInvitation = createRoute({
  method: 'post',
  path: '/invitations/accept',
  tags: ['Invitations'],
  summary: 'Accept with the emailed token: set name and password, become a member, get signed in',
  request: { body: jsonBody(ZAcceptInvitation) },
  responses: {
    201: { description: 'Member created and signed in on this host', ...jsonContent(ZMe) },
    400: problemResponse('Invalid, used, withdrawn or expired token (field `token`), or invalid fields'),
    409: problemResponse('The invited email already has an account'),
  },
})
