// What the account services take (F1, F2): signup, login, email confirmation and password recovery. The
// routes validate requests with these schemas and add only OpenAPI metadata (routes/auth/auth.routes.ts,
// routes/auth-recovery/recovery.routes.ts); the web's account forms parse with the same ones (ADR 0150).
import { z } from '@hono/zod-openapi'
import { ZEmail, ZPassword, ZToken } from '../../lib/account-fields.ts'
import { line } from '../../lib/text.ts'

export const ZSignup = z.object({
  email: ZEmail,
  password: ZPassword,
  name: line(120).min(1, 'Enter your name'),
  companyName: line(120).min(1).optional(),
})

/** Any stored password may be typed here, so only its presence and a sane length are checked. */
export const ZLogin = z.object({ email: ZEmail, password: z.string().min(1).max(1024) })

export const ZVerifyEmail = z.object({ token: ZToken })

export const ZRequestPasswordReset = z.object({ email: ZEmail })

export const ZConfirmPasswordReset = z.object({ token: ZToken, password: ZPassword })
