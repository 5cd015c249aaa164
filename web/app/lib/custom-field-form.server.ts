// "Define a field": the API's ZCustomFieldInput, except that the form types the choices one per line and
// sends them only for a choice list, and a key is trimmed (ADR 0150).
import { z } from 'zod'
import { ZCustomFieldInput } from './inputs.server.ts'

export const ZCustomFieldForm = ZCustomFieldInput.extend({
  key: z.string().trim().pipe(ZCustomFieldInput.shape.key),
  options: z
    .string()
    .optional()
    .transform((text): string[] | undefined =>
      (text ?? '').split('\n').flatMap((o) => (o.trim() ? [o.trim()] : [])),
    )
    .pipe(ZCustomFieldInput.shape.options),
}).transform(({ options, ...field }) => (field.type === 'select' ? { ...field, options } : field))
