// "New deal": a plain form; the API fills the default process, first stage and probability (F11.14).

import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { DealInputs } from '~/components/sales/deal-inputs.tsx'
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
} from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const meta: MetaFunction = () => [{ title: 'New deal · Aura CRM' }]
export const handle: RouteHandle = { hydrate: false }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const [me, processes, members, organizations, contacts] = await Promise.all([
    requireUser(request, context),
    listProcesses(api, request, context),
    listMembers(api, request, context),
    listOrganizations(api, request, context),
    listContacts(api, request, context),
  ])
  const owners = canReassign(me.role ?? '')
    ? members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name ?? m.email }))
    : null
  // "New deal" on a contact's page links here with ?contactId=, so the deal starts linked to it.
  const contactId = new URL(request.url).searchParams.get('contactId')
  return { me: { id: me.id }, processes, owners, organizations, contacts, contactId }
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
  const { me, processes, owners, organizations, contacts, contactId } = useLoaderData<typeof loader>()
  const defaultProcess = processes.find((p) => p.isDefault) ?? processes[0]
  const [form, fields] = useForm<DealFormValues>({
    id: 'new-deal',
    lastResult: useActionData<typeof action>(),
    defaultValue: { processId: defaultProcess?.id, assignedUserId: me.id, contactId },
  })
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
        <FormSelect label="Process" meta={fields.processId}>
          {processes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.isDefault ? ' (default)' : ''}
            </option>
          ))}
        </FormSelect>
        <FormSelect label="Stage" meta={fields.stageId}>
          <option value="">First stage of the process</option>
          {processes.map((p) => (
            <optgroup key={p.id} label={p.name}>
              {p.stages
                .filter((s) => s.kind === 'open')
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </FormSelect>
        <DealInputs fields={fields} contacts={contacts} organizations={organizations} owners={owners} />
        <div className="sm:col-span-2">
          <SubmitButton>Create deal</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
