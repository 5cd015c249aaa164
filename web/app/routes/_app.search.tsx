// Global search (issue 13): one box across contacts, organizations, deals and products, grouped, showing only
// what the caller may see (the API decides). A GET form, so it works without JavaScript and the URL is the
// state; Ctrl-K / "/" bring you here or to the bar's box (public/enhance.js).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SearchResults } from '~/components/search/search-results.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { SearchForm } from '~/components/ui/search-form.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.q ? `“${data.q}” · Search · Aura CRM` : 'Search · Aura CRM' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get('q')?.trim() ?? ''
  if (!q) {
    await requireUser(request, context)
    return { q, groups: null, problem: null }
  }
  const [, res] = await Promise.all([
    requireUser(request, context),
    apiClient(request, context).search.$get({ query: { q, limit: '5' } }),
  ])
  if (res.status === 200) return { q, groups: (await res.json()).groups, problem: null }
  return { q, groups: null, problem: (await readProblem(res)).title }
}

export default function Search() {
  const { q, groups, problem } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Search</h1>
      <SearchForm
        id="search-q"
        label="Contacts, organizations, deals and products"
        defaultValue={q}
        autoFocus={!q}
      />
      {problem && <Alert tone="error">{problem}</Alert>}
      {groups && <SearchResults q={q} groups={groups} />}
    </div>
  )
}
