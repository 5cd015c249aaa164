// Organizations by name: one search box (name fragment or misspelling), keyset paging. Zero JS.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/records/pager.tsx'
import { buttonClass } from '~/components/sales/select-field.tsx'
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
  const problem = (await readProblem(res as unknown as Response)).title
  return { filters, onFirstPage: !cursor, page: { data: [], nextCursor: null }, problem }
}

export default function Organizations() {
  const { filters, onFirstPage, page, problem } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Organizations</h1>
        <Link to="/organizations/new" className={buttonClass.primary}>
          New organization
        </Link>
      </div>
      <Form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-4"
      >
        <div className="flex min-w-0 flex-1 basis-60 flex-col gap-1">
          <label htmlFor="organizations-q" className="text-sm font-medium text-slate-800">
            Search organizations
          </label>
          <input
            id="organizations-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ''}
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
          />
        </div>
        <button type="submit" className={buttonClass.secondary}>
          Search
        </button>
      </Form>
      {problem && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      )}
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
