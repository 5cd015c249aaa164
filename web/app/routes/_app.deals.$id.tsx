// The deal page: stage control, fields, owner (managers and admins), line items, history. Every change is
// a small form with its own intent; each is at most three clicks (select, choose, submit).
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { DealHistory } from '~/components/sales/deal-history.tsx'
import { DealInputs } from '~/components/sales/deal-inputs.tsx'
import { LineItems } from '~/components/sales/line-items.tsx'
import { FormSelect } from '~/components/sales/select-field.tsx'
import { StageOptions } from '~/components/sales/stage-select.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { dealAction } from '~/lib/deal-actions.server.ts'
import type { DealFormValues } from '~/lib/deal-form.server.ts'
import { replyFor } from '~/lib/form-reply.ts'
import type { FormReply } from '~/lib/forms.server.ts'
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
  return dealAction(request, context, params.id ?? '')
}

export default function DealPage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { deal } = d
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
        <MoveForm deal={deal} processes={d.processes} lastResult={replyFor(result, 'move')} />
        {d.owners && <OwnerForm deal={deal} owners={d.owners} lastResult={replyFor(result, 'assign')} />}
      </div>
      <DetailsForm
        deal={deal}
        contacts={d.contacts}
        organizations={d.organizations}
        lastResult={replyFor(result, 'update')}
      />
      <div className={cardClass}>
        <LineItems
          lines={d.lines}
          total={d.linesTotal}
          currency={deal.currency}
          catalogue={d.catalogue}
          seesMargins={d.seesMargins}
          result={result}
        />
      </div>
      <div className={cardClass}>
        <DealHistory {...d.history} users={d.users} currency={deal.currency} />
      </div>
    </div>
  )
}

type Loaded = SerializeFrom<typeof loader>
type DealData = Loaded['deal']

/** "Move to stage": errors name the fields the stage requires, which live in the details form. */
function MoveForm({
  deal,
  processes,
  lastResult,
}: {
  deal: DealData
  processes: Loaded['processes']
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm({
    id: 'deal-move',
    lastResult,
    defaultValue: { stage: `${deal.processId}/${deal.stageId}` },
  })
  // A stage that requires fields answers with errors on them (closeDate…): each links to its input below.
  const required = Object.entries(lastResult?.error ?? {}).flatMap(([field, messages]) =>
    field && field !== 'stage' && messages ? [[field, messages] as const] : [],
  )
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className={`${cardClass} flex flex-col gap-3`}
      aria-labelledby="stage-heading"
    >
      <h2 id="stage-heading" className="text-lg font-semibold">
        Stage
      </h2>
      <input type="hidden" name="intent" value="move" />
      <FormErrors errors={form.errors?.slice(0, 1)} />
      {required.length > 0 && (
        <ul className="text-sm text-red-700">
          {required.map(([field, messages]) => (
            <li key={field}>
              <a href={`#deal-details-${field}`} className="underline">
                {messages.join(' ')} ({field})
              </a>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <FormSelect label="Move to stage" meta={fields.stage}>
            <StageOptions processes={processes} withProcess />
          </FormSelect>
        </div>
        <SubmitButton>Move</SubmitButton>
      </div>
    </Form>
  )
}

function OwnerForm({
  deal,
  owners,
  lastResult,
}: {
  deal: DealData
  owners: { id: string; name: string }[]
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm({
    id: 'deal-owner',
    lastResult,
    defaultValue: { assignedUserId: deal.assignedUserId ?? '' },
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className={`${cardClass} flex flex-col gap-3`}
      aria-labelledby="owner-heading"
    >
      <h2 id="owner-heading" className="text-lg font-semibold">
        Owner
      </h2>
      <input type="hidden" name="intent" value="assign" />
      <FormErrors errors={form.errors} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <FormSelect label="Assigned to" meta={fields.assignedUserId}>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </FormSelect>
        </div>
        <SubmitButton>Reassign</SubmitButton>
      </div>
    </Form>
  )
}

function DetailsForm({
  deal,
  contacts,
  organizations,
  lastResult,
}: {
  deal: DealData
  contacts: { id: string; name: string }[]
  organizations: { id: string; name: string }[]
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm<DealFormValues>({
    id: 'deal-details',
    lastResult,
    defaultValue: {
      name: deal.name,
      amount: deal.amount,
      closeDate: deal.closeDate,
      probability: deal.probability,
      contactId: deal.contactId,
      organizationId: deal.organizationId,
      notes: deal.notes,
    },
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      noValidate
      className={`${cardClass} grid grid-cols-1 gap-4 sm:grid-cols-2`}
      aria-labelledby="details-heading"
    >
      <h2 id="details-heading" className="text-lg font-semibold sm:col-span-2">
        Details
      </h2>
      <input type="hidden" name="intent" value="update" />
      {deal.hasLineItems && <input type="hidden" name="amountLocked" value="1" />}
      <div className="sm:col-span-2">
        <FormErrors errors={form.errors} />
      </div>
      <DealInputs
        fields={fields}
        contacts={contacts}
        organizations={organizations}
        owners={null}
        amountLocked={deal.hasLineItems}
        withProbability
      />
      <div className="sm:col-span-2">
        <SubmitButton>Save details</SubmitButton>
      </div>
    </Form>
  )
}
