// Bulk change of deals (issue 13, NFR-U5), without JavaScript: the list's bulk form posts here to review
// (the API answers how many deals would change, changing none), this page says exactly what will happen,
// and Confirm posts the same values again to apply them in one transaction. Back on the list a message
// says what was done.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { FormErrors } from '~/components/form.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { type BulkForm, bulkBody, ZBulkForm } from '~/lib/bulk-deals.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { listMembers, listProcesses } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Change deals · Aura CRM' }]

/** The list this bulk change started from, as it was (filters and name search), from its first page.
 * Only a query string is taken from the form, so this never leads off the deals list. */
function listUrl(values: Pick<BulkForm, 'list'> | undefined) {
  const params = new URLSearchParams(values?.list ?? '')
  params.delete('cursor')
  const query = params.toString()
  return query ? `/deals?${query}` : '/deals'
}

/** Nothing to load: the page shows an action's answer. (No redirect here: Remix runs this loader again to
 * render a refused or reviewed post, and a redirect would swallow that answer.) */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const form = await request.formData()
  const submission = parseForm(form, ZBulkForm)
  if (submission.status !== 'success') return invalid(submission)
  const api = apiClient(request, context, form)
  const res = await api.deals.bulk.$post({ json: bulkBody(submission.value) })
  if (res.status !== 200) return refusal(submission, res)
  const done = await res.json()
  if (!done.dryRun)
    return redirectWithFlash(
      request,
      listUrl(submission.value),
      `deals.${submission.value.action}`,
      done.count === 1 ? '1 deal' : `${done.count} deals`,
    )
  const [members, processes] = await Promise.all([
    listMembers(api, request, context),
    listProcesses(api, request, context),
  ])
  const owner = members.find((m) => m.id === submission.value.assignedUserId)
  const stage = processes
    .flatMap((p) => p.stages.map((s) => ({ ...s, process: p.name })))
    .find((s) => s.id === submission.value.stageId)
  return {
    review: {
      count: done.count,
      what: submission.value.action,
      owner: owner ? (owner.name ?? owner.email) : null,
      stage: stage ? `${stage.name} (${stage.process})` : null,
    },
    values: submission.value,
  }
}

function sentence(r: { count: number; what: string; owner: string | null; stage: string | null }) {
  const deals = r.count === 1 ? '1 deal' : `${r.count} deals`
  if (r.what === 'reassign') return `Reassign ${deals} to ${r.owner ?? 'the chosen owner'}.`
  if (r.what === 'move') return `Move ${deals} to ${r.stage ?? 'the chosen stage'}.`
  return `Delete ${deals}. Deleted deals leave the lists, the board and the totals.`
}

/** The reviewed values again, as hidden fields, for the confirming post. */
function Carried({ values }: { values: BulkForm }) {
  const fields: [string, string][] = [
    ['intent', 'apply'],
    ['action', values.action],
    ['scope', values.scope],
  ]
  if (values.assignedUserId) fields.push(['assignedUserId', values.assignedUserId])
  if (values.stageId) fields.push(['stageId', values.stageId])
  if (values.list) fields.push(['list', values.list])
  for (const [i, id] of (values.ids ?? []).entries()) fields.push([`ids[${i}]`, id])
  for (const [k, v] of Object.entries(values.filter ?? {}))
    if (v !== undefined) fields.push([`filter.${k}`, String(v)])
  return fields.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
}

export default function BulkDeals() {
  const result = useActionData<typeof action>()
  // A refusal (the form's or the API's): every message, as the list's form is on another page. Opened
  // without a post, the page only points back to the list.
  const refused = !result
    ? ['Choose the deals to change on the deals list first.']
    : 'review' in result
      ? []
      : Object.values(result.error ?? {}).flat()
  const review = result && 'review' in result ? result : null
  const typedList = result && !('review' in result) ? result.initialValue?.list : undefined
  const back = listUrl({ list: typeof typedList === 'string' ? typedList : undefined })
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Change deals</h1>
      {review ? (
        <Form method="post" className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4">
          <p className="text-base font-medium" id="bulk-summary">
            {sentence(review.review)}
          </p>
          <p className="text-sm text-slate-700">
            {review.values.scope === 'all'
              ? 'These are all the deals your filters match now that you may change. '
              : ''}
            It happens in one step: if any deal cannot be changed, none is. Each change is recorded in the
            audit log.
          </p>
          <Carried values={review.values} />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              aria-describedby="bulk-summary"
              className={review.review.what === 'delete' ? buttonClass.danger : buttonClass.primary}
            >
              Confirm
            </button>
            <Link to={listUrl(review.values)} className={buttonClass.secondary}>
              Cancel
            </Link>
          </div>
        </Form>
      ) : (
        <div className="flex flex-col gap-3">
          <FormErrors errors={refused.filter((m): m is string => typeof m === 'string')} />
          <Link to={back} className="text-indigo-700 underline">
            Back to the deals
          </Link>
        </div>
      )}
    </div>
  )
}
