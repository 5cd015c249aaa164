// Contacts (F9): one search box (typo-tolerant: the API ranks name, email, phone and company), an owner
// filter for managers and admins, keyset paging by plain links. Zero JS.
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/records/pager.tsx'
import { RecordSelect } from '~/components/sales/select-field.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { BulkBar, bulkSelectColumn } from '~/components/ui/bulk-change.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { SearchForm } from '~/components/ui/search-form.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { BULK_LIMIT } from '~/lib/inputs.server.ts'
import { ownerChoices } from '~/lib/records.server.ts'
import { canReassign, listMembers, present } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Contacts · Aura CRM' }]

const FILTERS = ['q', 'assignedUserId'] as const
const BULK_FORM_ID = 'contacts-bulk'

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
  else problem = (await readProblem(res)).title
  const names = Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email]))
  return {
    bulkLimit: BULK_LIMIT,
    filters,
    onFirstPage: !cursor,
    page,
    problem,
    names,
    owners: canReassign(me.role ?? '') ? ownerChoices(members) : null,
  }
}

type ContactRow = SerializeFrom<typeof loader>['page']['data'][number]

const columns = (names: Record<string, string>): Column<ContactRow>[] => [
  bulkSelectColumn<ContactRow>(BULK_FORM_ID, (c) => c.fullName),
  {
    header: 'Name',
    primary: true,
    cell: (c) => (
      <Link
        to={`/contacts/${c.id}`}
        className="inline-flex min-h-11 items-center text-indigo-700 hover:underline"
      >
        {c.fullName}
      </Link>
    ),
  },
  { header: 'Email', className: 'break-all', cell: (c) => c.email ?? '—' },
  { header: 'Phone', cell: (c) => c.phone ?? '—' },
  { header: 'Organization', cell: (c) => c.organization?.name ?? '—' },
  { header: 'Owner', cell: (c) => (c.assignedUserId && names[c.assignedUserId]) ?? '—' },
]

export default function Contacts() {
  const { bulkLimit, filters, onFirstPage, page, problem, names, owners } = useLoaderData<typeof loader>()
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Contacts</h1>
        <div className="flex flex-wrap gap-2">
          <Link to="/imports?entity=contact" className={buttonClass.secondary}>
            Import
          </Link>
          <Link to="/contacts/new" className={buttonClass.primary}>
            New contact
          </Link>
        </div>
      </div>
      <SearchForm
        id="contacts-q"
        label="Search contacts"
        defaultValue={filters.q}
        placeholder="Name, email, phone or company"
      >
        {owners && (
          <RecordSelect
            label="Owner"
            name="assignedUserId"
            defaultValue={filters.assignedUserId ?? ''}
            none="Anyone"
            options={owners}
          />
        )}
      </SearchForm>
      {problem && <Alert tone="error">{problem}</Alert>}
      {page.data.length > 0 && (
        // Reassign is for managers and admins (owners is null for a rep); delete is anyone's, on what they see.
        <BulkBar
          id={BULK_FORM_ID}
          path="/contacts"
          noun="contacts"
          filters={filters}
          limit={bulkLimit}
          actions={[
            ...(owners ? [{ value: 'reassign', label: 'Reassign…' }] : []),
            { value: 'delete', label: 'Delete…' },
          ]}
        />
      )}
      <DataTable
        caption="Contacts"
        columns={columns(names)}
        rows={page.data}
        rowKey={(c) => c.id}
        empty={
          <p className="text-slate-700">
            {filters.q ? `No contacts match “${filters.q}”.` : 'No contacts yet.'}
          </p>
        }
      />
      <Pager params={filters} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
    </div>
  )
}
