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

/** A bulk page's question for a target the list's form does not carry (the new owner, the stage): the
 * list offers only the actions, so it holds no long select, and the page asks for the one the action needs. */
export interface BulkChoose<C> {
  action: string
  choices: C
}

/** The action whose target is the only thing the review lacks, or null (then the form's errors stand). */
function targetToAsk(
  submission: { payload: Record<string, unknown>; error?: Record<string, unknown> | null },
  targets: Partial<Record<string, string>>,
): string | null {
  const { intent, action } = submission.payload
  if (intent !== 'review' || typeof action !== 'string') return null
  const field = targets[action]
  const errors = Object.keys(submission.error ?? {})
  return field && errors.length > 0 && errors.every((k) => k === field) ? action : null
}

/** The API's answer to a bulk post (its 200 body is the shared bulk result: count, dryRun). */
type BulkReply = ProblemSource & { status: number; json: () => Promise<unknown> }

/**
 * A bulk page's action: parse the form, ask for the action's target if the list's form did not carry it,
 * ask the API (a review is its dryRun), and either answer the review (the count and what `describe` adds,
 * e.g. the new owner's name) or, once applied, redirect to the list with a message ("2 deals reassigned.").
 */
export async function bulkAction<F extends BulkFormBase, D, C>(
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
    /** Action → the form field carrying its target; asked on this page when the list's form has none. */
    targets: Partial<Record<F['action'], string>>
    /** The choices for an action's target (e.g. the members, for a new owner). */
    choices: (api: ApiClient, action: string, payload: Record<string, unknown>) => Promise<C>
  },
) {
  await requireUser(request, context)
  const form = await request.formData()
  const submission = parseForm(form, how.schema)
  const api = apiClient(request, context, form)
  if (submission.status !== 'success') {
    const action = targetToAsk(submission, how.targets)
    if (!action) return invalid(submission)
    const choose: BulkChoose<C> = { action, choices: await how.choices(api, action, submission.payload) }
    return { choose, values: submission.payload }
  }
  const values = submission.value as F
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
