// What an organization write takes (F6): the API's body schema, and what an import row is checked against.
import { z } from '@hono/zod-openapi'
import { ZHttpUrl } from '../../lib/http-url.ts'
import { line } from '../../lib/text.ts'
import { ZCustomFieldValues } from '../custom-fields/custom-fields.inputs.ts'

const optionalText = (max: number) => line(max).nullable().optional()

export const ZOrganizationInput = z.object({
  name: line(200).min(1, 'Enter a name'),
  parentId: z.uuid('Not a valid id').nullable().optional(),
  size: optionalText(50),
  industry: optionalText(120),
  location: optionalText(200),
  website: ZHttpUrl.nullable().optional(),
  customFields: ZCustomFieldValues.optional(),
})
