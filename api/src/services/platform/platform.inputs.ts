// What the platform console's services take (F1.4, F1.10): the route validates requests with these schemas
// and adds only OpenAPI metadata (routes/platform/platform.routes.ts); the console's forms parse with them.
import { z } from '@hono/zod-openapi'
import { line } from '../../lib/text.ts'
import { ZSlug } from './validate-slug.ts'

export const ZActivateAccount = z.object({
  slug: ZSlug,
  companyName: line(120).min(1, 'Enter the company name'),
})

export const ZDeleteTenant = z.object({ confirm: z.string().min(1, 'Type the workspace slug') })
