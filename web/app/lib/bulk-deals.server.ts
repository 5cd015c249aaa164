// The deals list's bulk form (issue 13): the shared bulk fields (lib/bulk.server.ts), the API's filter
// schema, and the deals' own actions (move needs a stage). The API decides everything else (roles,
// ownership, the stage's process, the cap).
import { z } from 'zod'
import { type BulkFormBase, bulkFormFields, bulkWhich, checkBulk } from './bulk.server.ts'
import { type ZBulkDeals, ZDealFilter } from './inputs.server.ts'

export const BULK_ACTIONS = ['reassign', 'move', 'delete'] as const

export const ZBulkForm = z
  .object({
    ...bulkFormFields,
    action: z.enum(BULK_ACTIONS, { message: 'Choose what to do with the deals' }),
    stageId: z.uuid({ message: 'Choose the stage' }).optional(),
    filter: ZDealFilter.partial().optional(),
  })
  .superRefine((v, ctx) => {
    checkBulk('deals', v as BulkFormBase, ctx)
    if (v.action === 'move' && !v.stageId)
      ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'Choose the stage' })
  })
export type BulkForm = z.infer<typeof ZBulkForm>

/** The API's body for a parsed form: the target the action needs (the refinement above made sure it is
 * there), and the ticked ids or the list's filter. */
export function bulkBody(form: BulkForm): z.input<typeof ZBulkDeals> {
  const which = bulkWhich(form)
  if (form.action === 'reassign')
    return { action: 'reassign', assignedUserId: form.assignedUserId ?? '', ...which }
  if (form.action === 'move') return { action: 'move', stageId: form.stageId ?? '', ...which }
  return { action: 'delete', ...which }
}
