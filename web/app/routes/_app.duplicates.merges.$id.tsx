// A merge's confirmation (issue 15, ADR 0172): what was kept and what moved, and "Undo" while the merge can
// still be undone (30 days). Undo is a plain form; afterwards the page says the merge was undone.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormError } from '~/components/form.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Merged · Aura CRM' }]

const MOVED_NOUNS: Record<string, [string, string]> = {
  deals: ['deal', 'deals'],
  activities: ['activity', 'activities'],
  tasks: ['next step', 'next steps'],
  contacts: ['contact', 'contacts'],
  organizations: ['subsidiary', 'subsidiaries'],
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const id = params.id ?? ''
  const api = apiClient(request, context)
  const merge = await must(await api.duplicates.merges[':id'].$get({ param: { id } }), request, context)
  const locale = await workspaceLocale(api, request, context)
  // The kept record's name (a record the member no longer sees is simply not named).
  const kept =
    merge.entity === 'contact'
      ? await api.contacts[':id'].$get({ param: { id: merge.survivorId } })
      : await api.organizations[':id'].$get({ param: { id: merge.survivorId } })
  const body = kept.ok ? ((await kept.json()) as { fullName?: string; name?: string }) : null
  return {
    merge,
    keptName: body?.fullName ?? body?.name ?? null,
    timezone: locale.timezone,
    open: !merge.undoneAt && Date.parse(merge.undoUntil) > Date.now(),
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context)
  const id = params.id ?? ''
  const api = apiClient(request, context)
  const res = await api.duplicates.merges[':id'].undo.$post({ param: { id } })
  if (res.ok) return redirect(`/duplicates/merges/${id}`)
  const problem = await readProblem(res)
  return { error: [problem.title, ...problem.errors.map((e) => e.message)].join(': ') }
}

export default function MergeConfirmation() {
  const { merge, keptName, timezone, open } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const noun = merge.entity === 'contact' ? 'contact' : 'organization'
  const path = merge.entity === 'contact' ? 'contacts' : 'organizations'
  const moved = Object.entries(merge.moved)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${(MOVED_NOUNS[k] ?? [k, k])[n === 1 ? 0 : 1]}`)
  const until = new Intl.DateTimeFormat('en', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timezone,
  }).format(new Date(merge.undoUntil))
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <p className="text-sm text-slate-600">
        <Link to={`/duplicates?entity=${merge.entity}`} className="hover:underline">
          Duplicates
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{merge.undoneAt ? 'Merge undone' : 'Merged'}</h1>
      {merge.undoneAt ? (
        <Alert tone="success">
          The merge is undone: both {noun === 'contact' ? 'contacts' : 'organizations'} are back as they were,
          with their own records.
        </Alert>
      ) : (
        <Alert tone="success">
          Two {noun === 'contact' ? 'contacts' : 'organizations'} are now one
          {keptName ? `: ${keptName}` : ''}.{' '}
          {moved.length > 0 ? `Moved to it: ${moved.join(', ')}.` : 'Nothing else had to move.'}
        </Alert>
      )}
      <div className={`${cardClass} flex flex-col gap-3`}>
        <p className="text-sm text-slate-700">
          <Link to={`/${path}/${merge.survivorId}`} className="font-medium text-indigo-700 hover:underline">
            Open the {noun} you kept
          </Link>
          {merge.undoneAt && (
            <>
              {' · '}
              <Link to={`/${path}/${merge.otherId}`} className="font-medium text-indigo-700 hover:underline">
                Open the other {noun}
              </Link>
            </>
          )}
        </p>
        {open && (
          <Form method="post" className="flex flex-col gap-2">
            <FormError message={result?.error} />
            <p className="text-sm text-slate-700">You can undo this merge until {until}.</p>
            <div>
              <button type="submit" className={buttonClass.secondary}>
                Undo merge
              </button>
            </div>
          </Form>
        )}
      </div>
    </div>
  )
}
