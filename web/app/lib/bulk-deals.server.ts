// The deals list's bulk form (issue 13): the API's filter schema plus what the form adds — which deals
// (the ticked rows, or every deal the list's filters match) and whether this post is the review or the
// confirmed change. The API decides everything else (roles, ownership, the stage's process, the cap).
import { z } from 'zod'
import { type ZBulkDeals, ZDealFilter } from './inputs.server.ts'

export const BULK_ACTIONS = ['reassign', 'move', 'delete'] as const

export const ZBulkForm = z
  .object({
    intent: z.enum(['review', 'apply']),
    action: z.enum(BULK_ACTIONS, { message: 'Choose what to do with the deals' }),
    assignedUserId: z.uuid({ message: 'Choose the new owner' }).optional(),
    stageId: z.uuid({ message: 'Choose the stage' }).optional(),
    scope: z.enum(['selected', 'all']).default('selected'),
    ids: z.array(z.uuid()).optional(),
    filter: ZDealFilter.partial().optional(),
    /** The list's query string (its filters, the name search too), to go back to the same list. */
    list: z.string().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'reassign' && !v.assignedUserId)
      ctx.addIssue({ code: 'custom', path: ['assignedUserId'], message: 'Choose the new owner' })
    if (v.action === 'move' && !v.stageId)
      ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'Choose the stage' })
    if (v.scope === 'selected' && !v.ids?.length)
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Tick the deals to change first' })
  })
export type BulkForm = z.infer<typeof ZBulkForm>

/** The API's body for a parsed form: the target the action needs (the refinement above made sure it is
 * there), and the ticked ids or the list's filter. */
export function bulkBody(form: BulkForm): z.input<typeof ZBulkDeals> {
  const which = form.scope === 'all' ? { filter: form.filter ?? {} } : { ids: form.ids ?? [] }
  const dryRun = form.intent === 'review'
  if (form.action === 'reassign')
    return { action: 'reassign', assignedUserId: form.assignedUserId ?? '', ...which, dryRun }
  if (form.action === 'move') return { action: 'move', stageId: form.stageId ?? '', ...which, dryRun }
  return { action: 'delete', ...which, dryRun }
}
