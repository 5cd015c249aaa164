import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody, problemResponse, ZMe, ZMessage } from '../../lib/openapi.ts'
import { ZConfirmPasswordReset, ZRequestPasswordReset } from '../../services/auth/auth.inputs.ts'

const limited = problemResponse('Too many requests (Retry-After says when to try again)')

export const requestReset = createRoute({
  method: 'post',
  path: '/auth/password-reset',
  tags: ['Auth'],
  summary:
    'Email a single-use reset link (1 hour) to a user who may sign in on this host. Answers the same for every email.',
  request: { body: jsonBody(ZRequestPasswordReset) },
  responses: {
    202: { description: 'Check your inbox', content: { 'application/json': { schema: ZMessage } } },
    400: problemResponse('Invalid email'),
    429: limited,
  },
})

export const confirmReset = createRoute({
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags: ['Auth'],
  summary: 'Set a new password with the emailed token; ends every other session and signs in here',
  request: { body: jsonBody(ZConfirmPasswordReset) },
  responses: {
    200: { description: 'Password changed, signed in', content: { 'application/json': { schema: ZMe } } },
    400: problemResponse('Invalid, used or expired token (field `token`), or a weak password'),
    429: limited,
  },
})

export const requestStepUp = createRoute({
  method: 'post',
  path: '/auth/step-up',
  tags: ['Auth'],
  summary: 'Email a 6-digit code that unlocks sensitive operations for this session (sessions only)',
  responses: {
    202: { description: 'Code sent', content: { 'application/json': { schema: ZMessage } } },
    401: problemResponse('Not signed in'),
    403: problemResponse('API tokens cannot step up (`step_up_required`)'),
  },
})

export const verifyStepUp = createRoute({
  method: 'post',
  path: '/auth/step-up/verify',
  tags: ['Auth'],
  summary: 'Check the emailed code; sensitive operations are allowed for 10 minutes on this session',
  request: {
    body: jsonBody(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'Enter the 6-digit code'),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Elevated',
      content: { 'application/json': { schema: z.object({ elevatedUntil: z.string() }) } },
    },
    400: problemResponse('Wrong, expired or exhausted code (field `code`)'),
    401: problemResponse('Not signed in'),
  },
})
