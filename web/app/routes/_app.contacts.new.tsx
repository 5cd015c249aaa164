// New contact: a no-JS form; the API validates (and answers 409 when the email is taken).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { ContactFields } from '~/components/records/contact-fields.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { contactBody, ownerChoices } from '~/lib/records.server.ts'
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
  const me = await requireUser(request, context)
  const values = await formValues(request)
  const res = await apiClient(request, context, values).contacts.$post({
    json: contactBody(values, canReassign(me.role ?? '')),
  })
  if (res.status !== 201) return formFailure(res as unknown as Response, values)
  return redirect(`/contacts/${(await res.json()).id}?saved=created`)
}

export default function NewContact() {
  const { me, organizations, owners, organizationId } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">New contact</h1>
      <Form
        method="post"
        noValidate
        className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4"
      >
        <FormError message={result?.formError} />
        <IdempotencyKeyField />
        <ContactFields
          values={result?.values ?? { organizationId, assignedUserId: me.id }}
          errors={result?.fieldErrors}
          organizations={organizations}
          owners={owners}
        />
        <div>
          <SubmitButton>Create contact</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
