import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, problemResponse } from '../../lib/openapi.ts'
import { ZCreateToken, ZTokenParams } from '../../services/tokens/tokens.inputs.ts'

const ZApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The first characters, to recognise a token in a list. */
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .openapi('ApiToken')

export const listTokens = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['API tokens'],
  summary: 'Your live personal API tokens on this workspace (never the secret itself)',
  responses: {
    200: {
      description: 'Newest first',
      content: { 'application/json': { schema: z.object({ data: z.array(ZApiToken) }) } },
    },
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a member of this workspace'),
  },
})

export const createToken = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['API tokens'],
  summary:
    'Mint a token for `Authorization: Bearer`; it acts with your role on this workspace only. Shown once.',
  request: {
    body: jsonBody(ZCreateToken),
  },
  responses: {
    201: {
      description: 'The token, in `token`, for the only time',
      content: {
        'application/json': {
          schema: ZApiToken.extend({ token: z.string() }).openapi('CreatedApiToken'),
        },
      },
    },
    400: problemResponse('Invalid fields'),
    403: problemResponse('Tokens cannot mint tokens; not a member'),
  },
})

export const revokeToken = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['API tokens'],
  summary: 'Revoke one of your tokens (admins: any token of the workspace). Takes effect at once.',
  request: { params: ZTokenParams },
  responses: {
    204: { description: 'Revoked' },
    404: problemResponse('No such live token that you may revoke'),
  },
})
