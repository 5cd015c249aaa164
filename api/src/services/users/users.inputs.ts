// What the member services take (F3.6, F4.2): the route validates requests with these schemas and adds only
// OpenAPI metadata (routes/users/users.routes.ts); the profile form parses with the profile fields.
import { z } from '@hono/zod-openapi'
import { ZHttpsUrl } from '../../lib/http-url.ts'
import { line } from '../../lib/text.ts'
import { ZTimeZone } from '../../lib/time-zone.ts'

export const ZRole = z.enum(['admin', 'manager', 'rep'])

/**
 * F3.6 profile fields, which the user edits themself (a profile form sends all five; null clears one). A
 * null `timezone` means the workspace's zone (ADR 0164).
 */
export const ZProfileFields = z.object({
  name: line(120).min(1, 'Enter a name'),
  avatarUrl: ZHttpsUrl.nullable(),
  department: line(80).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{3,32}$/, 'Use digits, spaces and + ( ) - . / only')
    .nullable(),
  timezone: ZTimeZone.nullable(),
})

/** A change to a member: any profile fields, and `role` (F4.2), which is for admins. */
export const ZUserPatch = ZProfileFields.extend({ role: ZRole }).partial().strict()
