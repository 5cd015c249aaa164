// Small builders for createRoute() so every resource documents bodies, ids and refusals the same way.
import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import { z } from '@hono/zod-openapi'

export const jsonContent = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
})

/**
 * A request body refuses keys it does not name (issue 13): a misspelt field is a 400 naming it, never
 * silently dropped, and the document says `additionalProperties: false`. Done here, at the API's edge, so
 * the same input schemas stay open where the web parses its forms with them (a form also posts its intent
 * and idempotency key). `.strict()` makes a new schema, so the OpenAPI name (`.openapi('CreateProcess')`)
 * is carried over to it.
 */
function closed<T extends z.ZodType>(schema: T): T {
  if (!(schema instanceof z.ZodObject)) return schema
  const { catchall, checks } = schema.def
  if (catchall?._zod.def.type === 'never') return schema
  // `.strict()` rebuilds the object without its refinements: such a schema must be strict where defined.
  if (checks?.length) throw new Error('A refined body schema must be made .strict() where it is defined')
  const strict = schema.strict()
  const meta = zodToOpenAPIRegistry.get(schema)
  if (meta) zodToOpenAPIRegistry.add(strict, meta)
  // The same schema but for unknown keys: its input and output types are T's.
  return strict as unknown as T
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  ...jsonContent(closed(schema)),
  required: true,
})
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  ...jsonContent(schema),
})
/** A refusal as documented: an RFC 9457 problem with the stable `code` clients branch on. */
export const problemResponse = (description: string) => ({
  description,
  content: {
    'application/problem+json': { schema: z.object({ code: z.string(), title: z.string() }).passthrough() },
  },
})

export const ZMessage = z.object({ message: z.string() }).openapi('Message')

/** The signed-in user as /me, login, recovery and accepted invitations answer it. */
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
    /** The zone the user chose on their profile; null means the workspace's (ADR 0164). */
    timezone: z.string().nullable().openapi({
      description: 'The IANA zone the user chose on their profile; null means the workspace’s (ADR 0164)',
    }),
    /** The zone to show this user times in: theirs, else the workspace's, else UTC (no workspace yet). */
    effectiveTimezone: z.string().openapi({
      description:
        'The IANA zone to show this user times in: their own, else the workspace’s, else UTC (no workspace yet)',
      example: 'Europe/Paris',
    }),
  })
  .openapi('Me')

export const ZIdParam = z.object({ id: z.uuid('Not a valid id') })

/** The refusals every member-only endpoint can give. */
export const memberRefusals = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not a member of this workspace, or the role may not do this'),
  404: problemResponse('Not found in this workspace'),
}
