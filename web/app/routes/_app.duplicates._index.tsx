// Duplicates (issue 15, ADR 0172): likely duplicate contacts or organizations among the records the member
// sees, in groups with the reason, each pair a link to the merge page. A page of the API's groups at a time
// (the API walks its keys a window per page, so a page may hold few groups and still have a next one).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { DuplicateGroup } from '~/components/duplicates/duplicate-group.tsx'
import { PageHeader } from '~/components/records/page-header.tsx'
import { Pager } from '~/components/records/pager.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Duplicates · Aura CRM' }]

const ENTITIES = ['contact', 'organization'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const params = new URL(request.url).searchParams
  const entity = ENTITIES.find((e) => e === params.get('entity')) ?? 'contact'
  const cursor = params.get('cursor') ?? undefined
  const api = apiClient(request, context)
  const page = await must(
    await api.duplicates.$get({ query: { entity, limit: '25', ...(cursor ? { cursor } : {}) } }),
    request,
    context,
  )
  return { entity, groups: page.data, nextCursor: page.nextCursor, onFirstPage: !cursor }
}

const tab = (active: boolean) =>
  `inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${
    active ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100'
  }`

export default function Duplicates() {
  const { entity, groups, nextCursor, onFirstPage } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Duplicates" />
      <nav aria-label="Record type" className="flex flex-wrap gap-2">
        <Link
          to="?entity=contact"
          className={tab(entity === 'contact')}
          aria-current={entity === 'contact' ? 'page' : undefined}
        >
          Contacts
        </Link>
        <Link
          to="?entity=organization"
          className={tab(entity === 'organization')}
          aria-current={entity === 'organization' ? 'page' : undefined}
        >
          Organizations
        </Link>
      </nav>
      <p className="text-sm text-slate-700">
        {entity === 'contact'
          ? 'Contacts you can change that share an e-mail address (Gmail dots and +tags ignored), a phone number, or a similar name at the same company.'
          : 'Organizations that share a website domain or have a similar name. Merging organizations is for managers and admins.'}
      </p>
      {groups.length === 0 ? (
        <p className="text-slate-700">
          {nextCursor
            ? 'No likely duplicates on this page; look at the next one.'
            : 'No likely duplicates found.'}
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {groups.map((g) => (
            <DuplicateGroup
              key={`${g.reason}:${g.records.map((r) => r.id).join(',')}`}
              entity={entity}
              reason={g.reason}
              records={g.records}
            />
          ))}
        </ul>
      )}
      <Pager params={{ entity }} nextCursor={nextCursor} onFirstPage={onFirstPage} />
    </div>
  )
}
