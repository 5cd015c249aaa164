// Organizations by name: one search box (name fragment or misspelling), keyset paging. Zero JS.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/records/pager.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { SearchForm } from '~/components/ui/search-form.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { present } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Organizations · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const params = new URL(request.url).searchParams
  const filters = present(params, ['q'])
  const cursor = params.get('cursor') ?? undefined
  const [, res] = await Promise.all([
    requireUser(request, context),
    api.organizations.$get({ query: { ...filters, limit: '25', ...(cursor ? { cursor } : {}) } }),
  ])
  if (res.status === 200) return { filters, onFirstPage: !cursor, page: await res.json(), problem: null }
  const problem = (await readProblem(res)).title
  return { filters, onFirstPage: !cursor, page: { data: [], nextCursor: null }, problem }
}

export default function Organizations() {
  const { filters, onFirstPage, page, problem } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Organizations</h1>
        <div className="flex flex-wrap gap-2">
          <Link to="/imports?entity=organization" className={buttonClass.secondary}>
            Import
          </Link>
          <Link to="/organizations/new" className={buttonClass.primary}>
            New organization
          </Link>
        </div>
      </div>
      <SearchForm id="organizations-q" label="Search organizations" defaultValue={filters.q} />
      {problem && <Alert tone="error">{problem}</Alert>}
      {page.data.length === 0 ? (
        <p className="text-slate-700">
          {filters.q ? `No organizations match “${filters.q}”.` : 'No organizations yet.'}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
          {page.data.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-x-3 px-3 py-1 text-sm">
              <Link
                to={`/organizations/${o.id}`}
                className="inline-flex min-h-11 items-center font-medium text-indigo-700 hover:underline"
              >
                {o.name}
              </Link>
              <span className="text-slate-700">{[o.industry, o.location].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
      <Pager params={filters} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
    </div>
  )
}
