import { z } from '@hono/zod-openapi'
import { ZCustomFieldEntity } from '../../services/custom-fields/custom-fields.inputs.ts'

export {
  ZCustomFieldEntity,
  ZCustomFieldInput,
  ZCustomFieldValues,
} from '../../services/custom-fields/custom-fields.inputs.ts'

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
