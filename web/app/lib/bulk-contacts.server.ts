// The contacts list's bulk form (issue 13, ADR 0158): the shared bulk fields (lib/bulk.server.ts) and the
// API's contact filter; contacts are reassigned or deleted. The API decides roles, ownership and the cap.
import { z } from 'zod'
import { type BulkFormBase, bulkFormFields, bulkWhich, checkBulk } from './bulk.server.ts'
import { type ZBulkContacts, ZContactFilter } from './inputs.server.ts'

export const ZBulkContactsForm = z
  .object({
    ...bulkFormFields,
    action: z.enum(['reassign', 'delete'], { message: 'Choose what to do with the contacts' }),
    filter: ZContactFilter.partial().optional(),
  })
  .superRefine((v, ctx) => checkBulk('contacts', v as BulkFormBase, ctx))
export type BulkContactsForm = z.infer<typeof ZBulkContactsForm>

/** The API's body for a parsed form. */
export function bulkContactsBody(form: BulkContactsForm): z.input<typeof ZBulkContacts> {
  const which = bulkWhich(form)
  return form.action === 'reassign'
    ? { action: 'reassign', assignedUserId: form.assignedUserId ?? '', ...which }
    : { action: 'delete', ...which }
}
