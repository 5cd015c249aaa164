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

export const ZCustomField = z
  .object({
    id: z.uuid(),
    entity: ZCustomFieldEntity,
    key: z.string(),
    label: z.string(),
    type: z.enum(['text', 'number', 'date', 'select']),
    options: z.array(z.string()),
    required: z.boolean(),
    position: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('CustomField')

export const toCustomField = (row: {
  id: string
  entity: z.infer<typeof ZCustomFieldEntity>
  key: string
  label: string
  type: 'text' | 'number' | 'date' | 'select'
  options: string[]
  required: boolean
  position: number
  createdAt: Date
}): z.infer<typeof ZCustomField> => ({
  id: row.id,
  entity: row.entity,
  key: row.key,
  label: row.label,
  type: row.type,
  options: row.options,
  required: row.required,
  position: row.position,
  createdAt: row.createdAt.toISOString(),
})
