// What the custom-field services take (F7): definitions, and the values a record carries (nested in the
// contact, organization and deal schemas, so that component is named here, on the one instance they use).
import { z } from '@hono/zod-openapi'
import { line } from '../../lib/text.ts'

export const ZCustomFieldEntity = z.enum(['organization', 'contact', 'deal', 'product'])

/** Values as stored on a record; checked against the definitions by validateCustomFields. */
export const ZCustomFieldValues = z
  .record(z.string(), z.unknown())
  .openapi('CustomFieldValues', { example: { linkedin: 'https://www.linkedin.com/in/ada' } })

export const ZCustomFieldInput = z.object({
  entity: ZCustomFieldEntity,
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, 'Use snake_case: a lowercase letter, then letters, digits or _'),
  label: line(120).min(1, 'Enter a label'),
  type: z.enum(['text', 'number', 'date', 'select']),
  options: z.array(line(120).min(1)).max(100).optional(),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
})
