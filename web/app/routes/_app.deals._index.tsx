// Deals as a filtered list (F8.3). The filters are a GET form and paging is keyset: "Next page" carries
// the API's cursor in the URL, so every page is a plain link that works without JavaScript. Saved views
// (issue 13) are links to this list with their filters; their forms post here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/records/pager.tsx'
import { DealFilters } from '~/components/sales/deal-filters.tsx'
import { DealTable } from '~/components/sales/deal-table.tsx'
import { type Chip, FilterChips } from '~/components/sales/filter-chips.tsx'
import { SavedViews } from '~/components/sales/saved-views.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { BulkBar } from '~/components/ui/bulk-change.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import { BULK_LIMIT } from '~/lib/inputs.server.ts'
import { organizationFilter } from '~/lib/organization-filter.server.ts'
import type { OrganizationFilter } from '~/lib/organization-filter.ts'
import { canReassign, listMembers, listProcesses, organizationNames, present } from '~/lib/sales.server.ts'
import { currentView, listSavedViews, savedViewAction, viewQuery } from '~/lib/saved-views.server.ts'
import type { RouteHandle } from '~/root.tsx'
import { useMe } from './_app.tsx'

const BULK_FORM_ID = 'deals-bulk'

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
  'sort',
  'direction',
] as const

const SORT_LABELS: Record<string, string> = {
  updatedAt: 'last update',
  createdAt: 'creation',
  closeDate: 'close date',
  amount: 'amount',
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const params = new URL(request.url).searchParams
  const filters = present(params, FILTERS)
  const cursor = params.get('cursor') ?? undefined
  // First: a typed name that names one organization redirects, and the list's reads would be thrown away.
  const organization = await organizationFilter(api, request, context)
  const [me, processes, members, views, res] = await Promise.all([
    requireUser(request, context),
    listProcesses(api, request, context),
    listMembers(api, request, context),
    listSavedViews(api, request, context),
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
    const p = await readProblem(res)
    problem = [p.title, ...p.errors.map((e) => `${e.field}: ${e.message}`)].join(' — ')
  }
  // The organizations this page names (its rows', the filter's), read by id: a workspace with more of them
  // than one list read holds still sees every name.
  const orgs = await organizationNames(api, request, context, [
    filters.organizationId,
    ...page.data.map((d) => d.organizationId),
  ])
  return {
    bulkLimit: BULK_LIMIT,
    filters,
    cursor: cursor ?? null,
    problem,
    page,
    processes,
    organization,
    views: views.map((v) => ({ id: v.id, name: v.name, href: `/deals?${viewQuery(v.filters, FILTERS)}` })),
    currentViewId: currentView(views, filters, FILTERS)?.id ?? null,
    // Reps only ever see their own deals, so the owner filter is for managers and admins.
    members: canReassign(me.role ?? '') ? members : null,
    names: {
      users: Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email])),
      orgs,
    },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  return savedViewAction(request, context, { path: '/deals', keys: FILTERS })
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>

/** The active filters in words, for the chips. */
function chipsFor({ filters, processes, names }: Pick<Data, 'filters' | 'processes' | 'names'>): Chip[] {
  const stage = processes.flatMap((p) => p.stages).find((s) => s.id === filters.stageId)
  const label: Record<string, string | undefined> = {
    q: filters.q && `“${filters.q}”`,
    processId: processes.find((p) => p.id === filters.processId)?.name,
    stageId: stage && `Stage: ${stage.name}`,
    assignedUserId: filters.assignedUserId && `Owner: ${names.users[filters.assignedUserId] ?? '?'}`,
    status: filters.status && `Status: ${filters.status}`,
    organizationId: filters.organizationId && names.orgs[filters.organizationId],
    minProbability: filters.minProbability && `≥ ${filters.minProbability}%`,
    maxProbability: filters.maxProbability && `≤ ${filters.maxProbability}%`,
    closeDateFrom: filters.closeDateFrom && `Closes from ${filters.closeDateFrom}`,
    closeDateTo: filters.closeDateTo && `Closes by ${filters.closeDateTo}`,
    sort: filters.sort && `Sorted by ${SORT_LABELS[filters.sort] ?? filters.sort}`,
    direction: filters.direction && (filters.direction === 'asc' ? 'Ascending' : 'Descending'),
  }
  return Object.keys(filters).map((key) => ({ key, label: label[key] ?? filters[key] ?? key }))
}

export default function Deals() {
  const {
    bulkLimit,
    filters,
    cursor,
    problem,
    page,
    processes,
    organization,
    members,
    names,
    views,
    currentViewId,
  } = useLoaderData<typeof loader>()
  const me = useMe()
  const reply = useActionData<FormReply>()
  const chips = chipsFor({ filters, processes, names })
  const filtered = chips.length > 0
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Deals</h1>
        <Link to="/deals/new" className={buttonClass.primary}>
          New deal
        </Link>
      </div>
      <SavedViews
        all={{ href: '/deals', name: 'All deals' }}
        views={views}
        currentId={currentViewId}
        filtered={filtered}
        reply={reply}
      />
      <details className="rounded-md border border-slate-200 bg-white" open={false}>
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium">
          Filters{filtered ? ` (${chips.length} active)` : ''}
        </summary>
        <div className="border-t border-slate-200 p-3">
          <DealFilters
            values={filters}
            processes={processes}
            members={members}
            organizationName={filters.organizationId ? names.orgs[filters.organizationId] : undefined}
          />
        </div>
      </details>
      <FilterChips chips={chips} params={filters} />
      <OrganizationChoice filter={organization} />
      {problem && <Alert tone="error">{problem}</Alert>}
      {page.data.length > 0 && (
        <BulkBar
          id={BULK_FORM_ID}
          path="/deals"
          noun="deals"
          filters={filters}
          limit={bulkLimit}
          actions={[
            ...(members ? [{ value: 'reassign', label: 'Reassign…' }] : []),
            { value: 'move', label: 'Move to stage…' },
            { value: 'delete', label: 'Delete…' },
          ]}
        />
      )}
      <DealTable
        deals={page.data}
        names={names}
        timezone={me.effectiveTimezone}
        selectFor={BULK_FORM_ID}
        empty={
          filtered ? (
            <p className="text-slate-700">
              No deals match these filters.{' '}
              <Link to="/deals" className="text-indigo-700 underline">
                Clear them
              </Link>
            </p>
          ) : (
            <p className="text-slate-700">
              No deals yet.{' '}
              <Link to="/deals/new" className="text-indigo-700 underline">
                Create the first one
              </Link>
            </p>
          )
        }
      />
      <Pager params={filters} nextCursor={page.nextCursor} onFirstPage={!cursor} />
    </div>
  )
}

/** A typed organization name that did not name one: the candidates as links, or that none matched. */
function OrganizationChoice({ filter }: { filter: OrganizationFilter }) {
  if (filter.kind === 'none') return null
  if (filter.kind === 'unknown')
    return (
      <Alert tone="warning">No organization matches “{filter.typed}”; the list is not filtered by one.</Alert>
    )
  return (
    <Alert tone="warning">
      Several organizations match “{filter.typed}”. Show the deals of:{' '}
      {filter.choices.map((c, i) => (
        <span key={c.href}>
          {i > 0 && ' · '}
          <Link to={c.href} className="underline">
            {c.name}
          </Link>
        </span>
      ))}
    </Alert>
  )
}
