// Contacts (F9): one search box (typo-tolerant: the API ranks name, email, phone and company), an owner
// filter for managers and admins, keyset paging by plain links. Zero JS.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/records/pager.tsx'
import { buttonClass, SelectField } from '~/components/sales/select-field.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { ownerChoices } from '~/lib/records.server.ts'
import { canReassign, listMembers, present } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Contacts · Aura CRM' }]

const FILTERS = ['q', 'assignedUserId'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const params = new URL(request.url).searchParams
  const filters = present(params, FILTERS)
  const cursor = params.get('cursor') ?? undefined
  const [me, members, res] = await Promise.all([
    requireUser(request, context),
    listMembers(api, request, context),
    api.contacts.$get({ query: { ...filters, limit: '25', ...(cursor ? { cursor } : {}) } }),
  ])
  // A search the API refuses (e.g. 200+ characters) is said above an empty list, not as an error page.
  let problem: string | null = null
  let page: Extract<Awaited<ReturnType<typeof res.json>>, { nextCursor: unknown }> = {
    data: [],
    nextCursor: null,
  }
  if (res.status === 200) page = await res.json()
  else problem = (await readProblem(res as unknown as Response)).title
  const names = Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email]))
  return {
    filters,
    onFirstPage: !cursor,
    page,
    problem,
    names,
    owners: canReassign(me.role ?? '') ? ownerChoices(members) : null,
  }
}

export default function Contacts() {
  const { filters, onFirstPage, page, problem, names, owners } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Contacts</h1>
        <Link to="/contacts/new" className={buttonClass.primary}>
          New contact
        </Link>
      </div>
      <Form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-4"
      >
        <div className="flex min-w-0 flex-1 basis-60 flex-col gap-1">
          <label htmlFor="contacts-q" className="text-sm font-medium text-slate-800">
            Search contacts
          </label>
          <input
            id="contacts-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ''}
            placeholder="Name, email, phone or company"
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
          />
        </div>
        {owners && (
          <SelectField label="Owner" name="assignedUserId" defaultValue={filters.assignedUserId ?? ''}>
            <option value="">Anyone</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        )}
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
          {filters.q ? `No contacts match “${filters.q}”.` : 'No contacts yet.'}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Phone
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Organization
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Owner
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.data.map((c) => (
                <tr key={c.id}>
                  <td className="px-3 py-1">
                    <Link
                      to={`/contacts/${c.id}`}
                      className="inline-flex min-h-11 items-center font-medium text-indigo-700 hover:underline"
                    >
                      {c.fullName}
                    </Link>
                  </td>
                  <td className="px-3 py-1 break-all">{c.email ?? '—'}</td>
                  <td className="px-3 py-1">{c.phone ?? '—'}</td>
                  <td className="px-3 py-1">{c.organization?.name ?? '—'}</td>
                  <td className="px-3 py-1">{(c.assignedUserId && names[c.assignedUserId]) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager params={filters} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
    </div>
  )
}
