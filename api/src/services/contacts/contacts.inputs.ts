// What a contact write takes (F7): the API's body schema, and what an import row is checked against.
import { z } from '@hono/zod-openapi'
import { ZEmail } from '../../lib/account-fields.ts'
import { line } from '../../lib/text.ts'
import { ZCustomFieldValues } from '../custom-fields/custom-fields.inputs.ts'

const optionalText = (max: number) => line(max).nullable().optional()

export const ZContactInput = z.object({
  firstName: line(120).min(1, 'Enter a first name'),
  lastName: optionalText(120),
  email: ZEmail.nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[0-9+().\-\s/x]*$/i, 'Use digits, spaces and + ( ) - . /')
    .nullable()
    .optional(),
  title: optionalText(120),
  organizationId: z.uuid('Not a valid id').nullable().optional(),
  /** Defaults to the creator; someone else needs records.reassign (managers, admins). */
  assignedUserId: z.uuid('Not a valid id').optional(),
  customFields: ZCustomFieldValues.optional(),
})
