// Bulk change of contacts (issue 13, ADR 0158), without JavaScript, as for deals: the list's bulk form posts
// here to review (the API counts, changing nothing), this page says what will happen, and Confirm applies it
// in one transaction; back on the list a message says what was done (bulk-change.tsx, bulk.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { BulkTarget, ownerTarget } from '~/components/sales/bulk-target.tsx'
import { BulkChangePage } from '~/components/ui/bulk-change.tsx'
import { requireUser } from '~/lib/auth.server.ts'
import { bulkAction } from '~/lib/bulk.server.ts'
import { bulkContactsBody, ZBulkContactsForm } from '~/lib/bulk-contacts.server.ts'
import { ownerChoices } from '~/lib/records.server.ts'
import { listMembers } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Change contacts · Aura CRM' }]

/** Nothing to load: the page shows an action's answer (see _app.deals.bulk.tsx). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  return bulkAction(request, context, {
    schema: ZBulkContactsForm,
    path: '/contacts',
    flash: 'contacts',
    noun: ['contact', 'contacts'],
    send: (api, form) => api.contacts.bulk.$post({ json: bulkContactsBody(form) }),
    describe: async (api, form) => {
      const owner = (await listMembers(api, request, context)).find((m) => m.id === form.assignedUserId)
      return { owner: owner ? (owner.name ?? owner.email) : null }
    },
    targets: { reassign: 'assignedUserId' },
    choices: async (api) => ownerTarget(ownerChoices(await listMembers(api, request, context))),
  })
}

function sentence(r: { count: string; what: string; owner?: string | null }) {
  if (r.what === 'reassign') return `Reassign ${r.count} to ${r.owner ?? 'the chosen owner'}.`
  return `Delete ${r.count}. Deleted contacts leave the lists and search; their emails become free.`
}

export default function BulkContacts() {
  return (
    <BulkChangePage
      title="Change contacts"
      path="/contacts"
      noun={['contact', 'contacts']}
      result={useActionData<typeof action>()}
      sentence={sentence}
      choose={(choices, which) => <BulkTarget choices={choices} which={which} />}
    />
  )
}
