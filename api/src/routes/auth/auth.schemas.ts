import { PASSWORD_MAX, PASSWORD_MIN } from '@aura/db/passwords'
import { z } from '@hono/zod-openapi'

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(254))
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
export const ZToken = z.string().min(20).max(200)

export const ZMessage = z.object({ message: z.string() }).openapi('Message')

export const ZMe = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(['admin', 'manager', 'rep']).nullable(),
    isPlatformAdmin: z.boolean(),
    emailVerified: z.boolean(),
    tenant: z.object({ id: z.uuid(), slug: z.string(), companyName: z.string() }).nullable(),
    /** Where a pre-tenant account stands in signup → contract → activation (F1). */
    accountStatus: z.enum(['member', 'awaiting_contract', 'awaiting_activation', 'platform_admin']),
  })
  .openapi('Me')

export const problemResponse = (description: string) => ({
  description,
  content: {
    'application/problem+json': { schema: z.object({ code: z.string(), title: z.string() }).passthrough() },
  },
})
