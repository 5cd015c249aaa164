// The bulk form of a list (issue 13, ADR 0158), the part deals and contacts share: which records (the ticked
// rows, or every record the list's filters match), whether this post is the review or the confirmed change,
// the way back to the same list, and the action that asks the API (dryRun for the review) and, once
// confirmed, redirects to the list with what was done. The API decides everything else (roles, ownership,
// the cap).
import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import type { $ZodType } from 'zod/v4/core'
import { type ApiClient, apiClient, type ProblemSource } from './api.server.ts'
import { requireUser } from './auth.server.ts'
import { type FlashKey, redirectWithFlash } from './flash.server.ts'
import { invalid, parseForm, refusal } from './forms.server.ts'

/** The fields every bulk form has; a record type adds its actions, targets and filter. */
export const bulkFormFields = {
  intent: z.enum(['review', 'apply']),
  assignedUserId: z.uuid({ message: 'Choose the new owner' }).optional(),
  scope: z.enum(['selected', 'all']).default('selected'),
  ids: z.array(z.uuid()).optional(),
  /** The list's query string (its filters, the search too), to go back to the same list. */
  list: z.string().max(2000).optional(),
}

export interface BulkFormBase {
  intent: 'review' | 'apply'
  action: string
  assignedUserId?: string
  scope: 'selected' | 'all'
  ids?: string[]
  filter?: Record<string, unknown>
  list?: string
}

/** The refinements every bulk form has: a reassignment names its owner, a selection has ticked rows. */
export function checkBulk(noun: string, v: BulkFormBase, ctx: z.RefinementCtx) {
  if (v.action === 'reassign' && !v.assignedUserId)
    ctx.addIssue({ code: 'custom', path: ['assignedUserId'], message: 'Choose the new owner' })
  if (v.scope === 'selected' && !v.ids?.length)
    ctx.addIssue({ code: 'custom', path: ['ids'], message: `Tick the ${noun} to change first` })
}

/** The API's selection for a parsed form: the ticked ids or the list's filter, and whether only to review. */
export function bulkWhich(form: BulkFormBase) {
  const which = form.scope === 'all' ? { filter: form.filter ?? {} } : { ids: form.ids ?? [] }
  return { ...which, dryRun: form.intent === 'review' }
}

/** The list a bulk change started from, as it was (filters and search), from its first page. Only a query
 * string is taken from the form, so this never leads off the list. */
export function listUrl(path: string, list: string | undefined) {
  const params = new URLSearchParams(list ?? '')
  params.delete('cursor')
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/** The API's answer to a bulk post (its 200 body is the shared bulk result: count, dryRun). */
type BulkReply = ProblemSource & { status: number; json: () => Promise<unknown> }

/**
 * A bulk page's action: parse the form, ask the API (a review is its dryRun), and either answer the review
 * (the count and what `describe` adds, e.g. the new owner's name) or, once applied, redirect to the list
 * with a message ("2 deals reassigned.").
 */
export async function bulkAction<F extends BulkFormBase, D>(
  request: Request,
  context: AppLoadContext,
  how: {
    schema: $ZodType<F>
    /** The list's path and the flash keys' prefix (`deals` → /deals, `deals.reassign`). */
    path: string
    flash: string
    noun: [string, string]
    send: (api: ApiClient, form: F) => Promise<BulkReply>
    describe: (api: ApiClient, form: F) => Promise<D>
  },
) {
  await requireUser(request, context)
  const form = await request.formData()
  const submission = parseForm(form, how.schema)
  if (submission.status !== 'success') return invalid(submission)
  const values = submission.value as F
  const api = apiClient(request, context, form)
  const res = await how.send(api, values)
  if (res.status !== 200) return refusal(submission, res)
  const done = (await res.json()) as { count: number; dryRun: boolean }
  const count = done.count === 1 ? `1 ${how.noun[0]}` : `${done.count} ${how.noun[1]}`
  if (!done.dryRun)
    return redirectWithFlash(
      request,
      listUrl(how.path, values.list),
      `${how.flash}.${values.action}` as FlashKey,
      count,
    )
  return { review: { count, what: values.action, ...(await how.describe(api, values)) }, values }
}
