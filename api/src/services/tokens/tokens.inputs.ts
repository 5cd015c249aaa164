// What the API token services take (F2.2): the route validates requests with these schemas and adds only
// OpenAPI metadata (routes/tokens/tokens.routes.ts); the profile page's token forms parse with them.
import { z } from '@hono/zod-openapi'
import { line } from '../../lib/text.ts'

export const ZCreateToken = z.object({
  name: line(100).min(1, 'Name the token'),
  expiresInDays: z.number().int().min(1).max(365).optional(),
})

export const ZTokenParams = z.object({ id: z.uuid() })
