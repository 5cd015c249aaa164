// The audit trail (admins, F14.5): filters as a GET form (kind — all or security events, F5.6 —, action,
// who, record type, dates in the workspace time zone), newest first, keyset paging by plain links. Zero JS.
// Each entry reads as a sentence with names (issue 13): members (deactivated ones too) name the user ids,
// and the workspace currency formats amounts.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Field } from '~/components/form.tsx'
import { Pager } from '~/components/records/pager.tsx'
import { RecordSelect, SelectField } from '~/components/sales/select-field.tsx'
import { AuditTable } from '~/components/settings/audit-table.tsx'
import { Alert } from '~/components/ui/alert.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { workspaceLocale } from '~/lib/records.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { listMembers, present } from '~/lib/sales.server.ts'
import { localToIso } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Audit log · Settings · Aura CRM' }]

const FILTERS = ['category', 'action', 'actor', 'entityType', 'from', 'to'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const api = apiClient(request, context)
  const params = new URL(request.url).searchParams
  const filters = present(params, FILTERS)
  const cursor = params.get('cursor') ?? undefined
  const [members, locale] = await Promise.all([
    listMembers(api, request, context),
    workspaceLocale(api, request, context),
  ])
  // Dates are whole days in the reader's zone (ADR 0164): from its first minute, to (exclusive) the next day's.
  const day = (d: string | undefined, plus: number) => {
    if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined
    const next = new Date(`${d}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + plus)
    return localToIso(`${next.toISOString().slice(0, 10)}T00:00`, locale.timezone) ?? undefined
  }
  const { from, to, ...rest } = filters
  const fromIso = day(from, 0)
  const toIso = day(to, 1)
  const res = await api['audit-log'].$get({
    query: {
      ...rest,
      ...(fromIso ? { from: fromIso } : {}),
      ...(toIso ? { to: toIso } : {}),
      limit: '50',
      ...(cursor ? { cursor } : {}),
    },
  })
  let problem: string | null = null
  let page: Extract<Awaited<ReturnType<typeof res.json>>, { nextCursor: unknown }> = {
    data: [],
    nextCursor: null,
  }
  if (res.status === 200) page = await res.json()
  else {
    const p = await readProblem(res)
    problem = [p.title, ...p.errors.map((e) => `${e.field}: ${e.message}`)].join(' — ')
  }
  return {
    filters,
    onFirstPage: !cursor,
    page,
    problem,
    members: members.map((m) => ({ id: m.id, name: m.name ?? m.email })),
    timezone: locale.timezone,
    currency: locale.currency,
  }
}

export default function AuditLog() {
  const { filters, onFirstPage, page, problem, members, timezone, currency } = useLoaderData<typeof loader>()
  const names = Object.fromEntries(members.map((m) => [m.id, m.name]))
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <Form
        method="get"
        className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
      >
        <SelectField label="Kind" name="category" defaultValue={filters.category ?? ''}>
          <option value="">All events</option>
          <option value="security">Security events</option>
        </SelectField>
        <Field
          label="Action"
          name="action"
          placeholder="e.g. user.role_changed"
          defaultValue={filters.action ?? ''}
        />
        <RecordSelect
          label="Who"
          name="actor"
          defaultValue={filters.actor ?? ''}
          none="Anyone"
          options={members}
        />
        <Field
          label="Record type"
          name="entityType"
          placeholder="e.g. deal"
          defaultValue={filters.entityType ?? ''}
        />
        <Field label="From" name="from" type="date" defaultValue={filters.from ?? ''} />
        <Field label="To" name="to" type="date" defaultValue={filters.to ?? ''} />
        <div className="flex items-end">
          <button type="submit" className={buttonClass.secondary}>
            Filter
          </button>
        </div>
      </Form>
      {problem && <Alert tone="error">{problem}</Alert>}
      <AuditTable entries={page.data} names={names} timezone={timezone} currency={currency} />
      <Pager params={filters} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
    </div>
  )
}
