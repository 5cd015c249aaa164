import { createRoute } from '@hono/zod-openapi'
import { jsonBody, problemResponse, ZMe, ZMessage } from '../../lib/openapi.ts'
import { ZLogin, ZSignup, ZVerifyEmail } from '../../services/auth/auth.inputs.ts'

export const signup = createRoute({
  method: 'post',
  path: '/auth/signup',
  tags: ['Auth'],
  summary: 'Create a pre-tenant account (root domain). Answers the same whether or not the email exists.',
  request: { body: jsonBody(ZSignup) },
  responses: {
    202: { description: 'Check your inbox', content: { 'application/json': { schema: ZMessage } } },
    400: problemResponse('Invalid fields'),
  },
})

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Auth'],
  summary: 'Sign in on this host; sets a session cookie valid only here',
  request: { body: jsonBody(ZLogin) },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: ZMe } } },
    401: problemResponse('Invalid email or password'),
    429: problemResponse(
      'Too many attempts from this address, or failed logins for this account (Retry-After)',
    ),
  },
})

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Auth'],
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' } },
})

export const verifyEmail = createRoute({
  method: 'post',
  path: '/auth/verify-email',
  tags: ['Auth'],
  summary: 'Confirm an email address with the emailed single-use token',
  request: { body: jsonBody(ZVerifyEmail) },
  responses: {
    200: { description: 'Email confirmed', content: { 'application/json': { schema: ZMessage } } },
    400: problemResponse('The link is invalid, used or expired'),
  },
})

export const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Auth'],
  summary: 'The signed-in user, their workspace and account status',
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: ZMe } } },
    401: problemResponse('Not signed in'),
  },
})
