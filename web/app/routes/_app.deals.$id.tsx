// The deal page: stage control, fields, owner (managers and admins), line items, history. Every change is
// a small form with its own intent; each is at most three clicks (select, choose, submit).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { DealHistory } from '~/components/sales/deal-history.tsx'
import { DealInputs } from '~/components/sales/deal-inputs.tsx'
import { LineItems } from '~/components/sales/line-items.tsx'
import { cardClass, SelectField } from '~/components/sales/select-field.tsx'
import { StageOptions } from '~/components/sales/stage-select.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { dealAction } from '~/lib/deal-actions.server.ts'
import { type FormResult, formValues } from '~/lib/forms.server.ts'
import { formatMoney } from '~/lib/money.ts'
import {
  canReassign,
  listContacts,
  listMembers,
  listOrganizations,
  listProcesses,
  must,
  seesMargins,
} from '~/lib/sales.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.deal.name ?? 'Deal'} · Aura CRM` },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const param = { id: params.id ?? '' }
  const [me, { lineItems, ...deal }, history, products, processes, members, organizations, contacts] =
    await Promise.all([
      requireUser(request, context),
      api.deals[':id']
        .$get({ param, query: { include: 'lineItems', lineItemsLimit: '100' } })
        .then((r) => must(r, request, context)),
      api.deals[':id'].history.$get({ param }).then((r) => must(r, request, context)),
      api.products.$get({ query: { active: 'true', limit: '100' } }).then((r) => must(r, request, context)),
      listProcesses(api, request, context),
      listMembers(api, request, context),
      listOrganizations(api, request, context),
      listContacts(api, request, context),
    ])
  const users = Object.fromEntries(members.map((m) => [m.id, m.name ?? m.email]))
  return {
    deal,
    history,
    lines: lineItems?.data ?? [],
    linesTotal: deal.lineItemsTotal,
    catalogue: products.data.map((p) => ({
      id: p.id,
      name: p.name,
      sku: p.sku,
      listPrice: p.pricing?.defaultPrice ?? null,
    })),
    processes,
    users,
    organizations,
    contacts,
    seesMargins: seesMargins(me.role ?? ''),
    owners: canReassign(me.role ?? '')
      ? members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name ?? m.email }))
      : null,
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return dealAction(request, context, params.id ?? '', await formValues(request))
}

export default function DealPage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  const { deal } = d
  const intent = result?.values?.intent
  const resultFor = (name: string) => (intent === name ? result : undefined)
  const org = d.organizations.find((o) => o.id === deal.organizationId)
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/deals" className="underline">
            Deals
          </Link>{' '}
          · {deal.processName}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{deal.name}</h1>
        <p className="text-slate-700">
          <span className="tabular-nums">{formatMoney(deal.amount, deal.currency)}</span> · {deal.stageName} ·{' '}
          {deal.probability}% · {deal.status}
          {org && <> · {org.name}</>} · owner{' '}
          {(deal.assignedUserId && d.users[deal.assignedUserId]) ?? 'nobody'}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Form method="post" className={`${cardClass} flex flex-col gap-3`} aria-labelledby="stage-heading">
          <h2 id="stage-heading" className="text-lg font-semibold">
            Stage
          </h2>
          <input type="hidden" name="intent" value="move" />
          <FormError message={resultFor('move')?.formError} />
          {resultFor('move')?.fieldErrors && Object.keys(resultFor('move')?.fieldErrors ?? {}).length > 0 && (
            <ul className="text-sm text-red-700">
              {Object.entries(resultFor('move')?.fieldErrors ?? {}).map(([f, m]) => (
                <li key={f}>
                  <a href={`#field-${f}`} className="underline">
                    {m} ({f})
                  </a>
                </li>
              ))}
            </ul>
          )}
          <div className="flex items-end gap-2">
            <div className="flex-1">
              <SelectField
                label="Move to stage"
                name="stage"
                defaultValue={`${deal.processId}/${deal.stageId}`}
              >
                <StageOptions processes={d.processes} withProcess />
              </SelectField>
            </div>
            <SubmitButton>Move</SubmitButton>
          </div>
        </Form>
        {d.owners && (
          <Form method="post" className={`${cardClass} flex flex-col gap-3`} aria-labelledby="owner-heading">
            <h2 id="owner-heading" className="text-lg font-semibold">
              Owner
            </h2>
            <input type="hidden" name="intent" value="assign" />
            <FormError message={resultFor('assign')?.formError} />
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <SelectField
                  label="Assigned to"
                  name="assignedUserId"
                  id="owner-select"
                  defaultValue={deal.assignedUserId ?? ''}
                >
                  {d.owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              <SubmitButton>Reassign</SubmitButton>
            </div>
          </Form>
        )}
      </div>
      <Form
        method="post"
        noValidate
        className={`${cardClass} grid grid-cols-1 gap-4 sm:grid-cols-2`}
        aria-labelledby="details-heading"
      >
        <h2 id="details-heading" className="text-lg font-semibold sm:col-span-2">
          Details
        </h2>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="amountLocked" value={deal.hasLineItems ? '1' : '0'} />
        <div className="sm:col-span-2">
          <FormError message={resultFor('update')?.formError} />
        </div>
        <DealInputs
          deal={deal}
          result={resultFor('update')}
          contacts={d.contacts}
          organizations={d.organizations}
          owners={null}
          amountLocked={deal.hasLineItems}
          withProbability
        />
        <div className="sm:col-span-2">
          <SubmitButton>Save details</SubmitButton>
        </div>
      </Form>
      <div className={cardClass}>
        <LineItems
          lines={d.lines}
          total={d.linesTotal}
          currency={deal.currency}
          catalogue={d.catalogue}
          seesMargins={d.seesMargins}
          result={intent?.endsWith('-line') ? result : undefined}
        />
      </div>
      <div className={cardClass}>
        <DealHistory {...d.history} users={d.users} currency={deal.currency} />
      </div>
    </div>
  )
}
