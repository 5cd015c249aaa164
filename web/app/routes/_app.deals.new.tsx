// "New deal": a plain form; the API fills the first stage and probability (F11.14). Where the deal starts is
// one select of process and stage (so they always agree, without JavaScript too), and up to three products
// go in with the deal (F13.1).

import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { DealInputs } from '~/components/sales/deal-inputs.tsx'
import { NEW_DEAL_LINES, NewDealLines } from '~/components/sales/new-deal-lines.tsx'
import { FormSelect } from '~/components/sales/select-field.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { type DealFormValues, ZNewDealForm } from '~/lib/deal-form.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import {
  canReassign,
  listContacts,
  listMembers,
  listOrganizations,
  listProcesses,
  must,
} from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const meta: MetaFunction = () => [{ title: 'New deal · Aura CRM' }]
export const handle: RouteHandle = { hydrate: false }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const [me, processes, members, organizations, contacts, products] = await Promise.all([
    requireUser(request, context),
    listProcesses(api, request, context),
    listMembers(api, request, context),
    listOrganizations(api, request, context),
    listContacts(api, request, context),
    api.products.$get({ query: { active: 'true', limit: '100' } }).then((r) => must(r, request, context)),
  ])
  const owners = canReassign(me.role ?? '')
    ? members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name ?? m.email }))
    : null
  // "New deal" on a contact's page links here with ?contactId=, so the deal starts linked to it.
  const contactId = new URL(request.url).searchParams.get('contactId')
  const catalogue = products.data
    .filter((p) => p.pricing)
    .map((p) => ({ id: p.id, name: `${p.name} (${p.sku})`, listPrice: p.pricing?.defaultPrice ?? null }))
  return { me: { id: me.id }, processes, owners, organizations, contacts, contactId, catalogue }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const submission = parseForm(form, ZNewDealForm)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context, form).deals.$post({ json: submission.value })
  if (res.status !== 201) return refusal(submission, res)
  return redirectWithFlash(request, `/deals/${(await res.json()).id}`, 'deal.created')
}

export default function NewDeal() {
  const { me, processes, owners, organizations, contacts, contactId, catalogue } =
    useLoaderData<typeof loader>()
  // The default process first; each of its open stages is a place to start.
  const ordered = [...processes].sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
  const starts = ordered.flatMap((p) =>
    p.stages
      .filter((s) => s.kind === 'open')
      .map((s) => ({
        value: `${p.id}/${s.id}`,
        label: `${p.name}${p.isDefault ? ' (default)' : ''} · ${s.name}`,
      })),
  )
  const [form, fields] = useForm<DealFormValues>({
    id: 'new-deal',
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      startsIn: starts[0]?.value,
      assignedUserId: me.id,
      contactId,
      lineItems: Array.from({ length: NEW_DEAL_LINES }, () => ({})),
    },
  })
  const lines = fields.lineItems.getFieldList()
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">New deal</h1>
      <Form
        method="post"
        {...getFormProps(form)}
        noValidate
        className={`${cardClass} grid grid-cols-1 gap-4 sm:grid-cols-2`}
      >
        <div className="sm:col-span-2">
          <FormErrors errors={form.errors} />
          <IdempotencyKeyField />
        </div>
        <div className="sm:col-span-2">
          <FormSelect label="Process and stage" meta={fields.startsIn}>
            {starts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </FormSelect>
        </div>
        <DealInputs fields={fields} contacts={contacts} organizations={organizations} owners={owners} />
        {catalogue.length > 0 && <NewDealLines lines={lines} catalogue={catalogue} />}
        <div className="sm:col-span-2">
          <SubmitButton>Create deal</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
