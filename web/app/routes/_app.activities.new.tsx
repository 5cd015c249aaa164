// Quick add: log an activity from anywhere (issue 13), on any contact the viewer may see and optionally one
// of their deals; it lands on the contact's page, where the activity heads the timeline. `?contactId=` and
// `?dealId=` preselect.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { LogActivityForm } from '~/components/records/log-activity.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { activityIntent } from '~/lib/activity-actions.server.ts'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { listContacts, must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Log activity · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  await requireUser(request, context)
  const [contacts, deals, locale] = await Promise.all([
    listContacts(api, request, context),
    api.deals.$get({ query: { status: 'open', limit: '100' } }).then((r) => must(r, request, context)),
    workspaceLocale(api, request, context),
  ])
  const contactId = new URL(request.url).searchParams.get('contactId')
  return {
    contacts,
    deals: deals.data.map((d) => ({ id: d.id, name: d.name })),
    timezone: locale.timezone,
    contactId,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const form = await request.formData()
  const api = apiClient(request, context, form)
  const answered = await activityIntent(request, context, { api, form, back: (id) => `/contacts/${id}` })
  if (answered) return answered
  throw errorPage(400)
}

export default function QuickActivity() {
  const { contacts, deals, timezone, contactId } = useLoaderData<typeof loader>()
  return (
    <div className={`${cardClass} mx-auto w-full max-w-2xl`}>
      <LogActivityForm
        lastResult={useActionData<typeof action>()}
        deals={deals}
        contacts={contacts}
        contactId={contactId}
        timezone={timezone}
      />
    </div>
  )
}
