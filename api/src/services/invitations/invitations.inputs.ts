// What the invitation services take (F4): the route validates requests with these schemas and adds only
// OpenAPI metadata (routes/invitations/invitations.routes.ts); the web's invite and accept forms parse with
// them.
import { z } from '@hono/zod-openapi'
import { ZEmail, ZPassword, ZToken } from '../../lib/account-fields.ts'
import { line } from '../../lib/text.ts'

export const ZAcceptInvitation = z.object({
  token: ZToken,
  name: line(120).min(1, 'Enter your name'),
  password: ZPassword,
})

/** The invitation page's lookup: the emailed token, sent in a body so it is never in a URL that is logged. */
export const ZPreviewInvitation = z.object({ token: ZToken })

/** An invitation: who, and the role they get on accepting (admins send it). */
export const ZCreateInvitation = z.object({ email: ZEmail, role: z.enum(['admin', 'manager', 'rep']) })
