import { z } from '@hono/zod-openapi'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { line } from '../../lib/text.ts'
import { ZContactFilter } from '../../services/contacts/bulk-contacts.inputs.ts'
import { ZContactInput } from '../../services/contacts/contacts.inputs.ts'
import { ZCustomFieldValues } from '../../services/custom-fields/custom-fields.inputs.ts'

export { ZContactInput }

export const ZContactPatch = ZContactInput.partial()

export const ZContactListQuery = ZListQuery.extend({
  q: line(200).min(1).optional().openapi({
    description: 'One box: name (typo-tolerant), email fragment, phone digits or company name',
  }),
  ...ZContactFilter.shape,
})

export const ZContact = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string().nullable(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    title: z.string().nullable(),
    organizationId: z.uuid().nullable(),
    organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    assignedUserId: z.uuid().nullable(),
    customFields: ZCustomFieldValues,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.uuid().nullable(),
  })
  .openapi('Contact')

export const ZContactPage = ZPage(ZContact).openapi('ContactPage')
