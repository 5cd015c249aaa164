// New contact: a no-JS form; the API validates (and answers 409 when the email is taken).

import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { ContactFields } from '~/components/records/contact-fields.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZContactInput } from '~/lib/inputs.server.ts'
import { ownerChoices } from '~/lib/records.server.ts'
import { canReassign, listMembers, listOrganizations } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'New contact · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = apiClient(request, context)
  const me = await requireUser(request, context)
  const [organizations, members] = await Promise.all([
    listOrganizations(api, request, context),
    canReassign(me.role ?? '') ? listMembers(api, request, context) : null,
  ])
  const organizationId = new URL(request.url).searchParams.get('organizationId')
  return { me: { id: me.id }, organizations, owners: members && ownerChoices(members), organizationId }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const form = await request.formData()
  const submission = parseForm(form, ZContactInput)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context, form).contacts.$post({ json: submission.value })
  if (res.status !== 201) return refusal(submission, res)
  return redirectWithFlash(request, `/contacts/${(await res.json()).id}`, 'contact.created')
}

export default function NewContact() {
  const { me, organizations, owners, organizationId } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZContactInput>>({
    id: 'new-contact',
    lastResult: useActionData<typeof action>(),
    defaultValue: { organizationId, assignedUserId: me.id },
  })
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">New contact</h1>
      <Form
        method="post"
        {...getFormProps(form)}
        noValidate
        className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4"
      >
        <FormErrors errors={form.errors} />
        <IdempotencyKeyField />
        <ContactFields fields={fields} organizations={organizations} owners={owners} />
        <div>
          <SubmitButton>Create contact</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
