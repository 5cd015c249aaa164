// Small builders for createRoute() so every resource documents bodies, ids and refusals the same way.
import { z } from '@hono/zod-openapi'
import { problemResponse } from '../routes/auth/auth.schemas.ts'

export const jsonContent = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
})
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ ...jsonContent(schema), required: true })
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  ...jsonContent(schema),
})
export const ZIdParam = z.object({ id: z.uuid('Not a valid id') })

/** The refusals every member-only endpoint can give. */
export const memberRefusals = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not a member of this workspace, or the role may not do this'),
  404: problemResponse('Not found in this workspace'),
}
