// Deals as a filtered list (F8.3). The filters are a GET form and paging is keyset: "Next page" carries
// the API's cursor in the URL, so every page is a plain link that works without JavaScript.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { DealFilters } from '~/components/sales/deal-filters.tsx'
import { DealTable } from '~/components/sales/deal-table.tsx'
import { buttonClass } from '~/components/sales/select-field.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { canReassign, listMembers, listOrganizations, listProcesses, present } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const meta: MetaFunction = () => [{ title: 'Deals · Aura CRM' }]
export const handle: RouteHandle = { hydrate: false }

const FILTERS = [
  'q',
  'processId',
  'stageId',
  'assignedUserId',
  'status',
  'organizationId',
  'minProbability',
  'maxProbability',
  'closeDateFrom',
  'closeDateTo',
] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const params = new URL(request.url).searchParams
  const filters = present(params, FILTERS)
  const cursor = params.get('cursor') ?? undefined
  const [me, processes, members, organizations, res] = await Promise.all([
    requireUser(request, context),
    listProcesses(api, request, context),
    listMembers(api, request, context),
    listOrganizations(api, request, context),
    api.deals.$get({ query: { ...filters, ...(cursor ? { cursor } : {}) } }),
  ])
  // A filter the API refuses (e.g. min above max) is shown above the list rather than as an error page.
  let problem: string | null = null
  let page: {
    data: Awaited<ReturnType<Extract<typeof res, { status: 200 }>['json']>>['data']
    nextCursor: string | null
  } = {
    data: [],
    nextCursor: null,
  }
  if (res.status === 200) page = await res.json()
  else {
    const p = await readProblem(res as unknown as Response)
    problem = [p.title, ...p.errors.map((e) => `${e.field}: ${e.message}`)].join(' — ')
  }
  return {
    filters,
    cursor: cursor ?? null,
    problem,
    page,
    processes,
    organizations,
    // Reps only ever see their own deals, so the owner filter is for managers and admins.
    members: canReassign(me.role ?? '') ? members : null,
    names: {
      users: Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email])),
      orgs: Object.fromEntries(organizations.map((o) => [o.id, o.name])),
    },
  }
}

export default function Deals() {
  const { filters, cursor, problem, page, processes, organizations, members, names } =
    useLoaderData<typeof loader>()
  const next = new URLSearchParams(filters)
  if (page.nextCursor) next.set('cursor', page.nextCursor)
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Deals</h1>
        <Link to="/deals/new" className={buttonClass.primary}>
          New deal
        </Link>
      </div>
      <DealFilters values={filters} processes={processes} members={members} organizations={organizations} />
      {problem && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      )}
      <DealTable deals={page.data} names={names} />
      <nav aria-label="Pages" className="flex gap-2">
        {cursor && (
          <Link to={`/deals?${new URLSearchParams(filters)}`} className={buttonClass.secondary}>
            First page
          </Link>
        )}
        {page.nextCursor && (
          <Link to={`/deals?${next}`} className={buttonClass.secondary}>
            Next page
          </Link>
        )}
      </nav>
    </div>
  )
}
