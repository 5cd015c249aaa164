// Fields every account form shares (signup, login, recovery, invitations, contacts' email): one schema each.
import { PASSWORD_MAX, PASSWORD_MIN } from '@aura/db/passwords'
import { z } from '@hono/zod-openapi'

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(254))
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
export const ZToken = z.string().min(20).max(200)
