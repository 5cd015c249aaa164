// New organization, optionally under a parent company (the API refuses loops and unknown parents).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { OrganizationFields, organizationBody } from '~/components/records/organization-fields.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { listOrganizations } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'New organization · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const parentId = new URL(request.url).searchParams.get('parentId')
  return { parents: await listOrganizations(apiClient(request, context), request, context), parentId }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const values = await formValues(request)
  const res = await apiClient(request, context, values).organizations.$post({
    json: organizationBody(values),
  })
  if (res.status !== 201) return formFailure(res as unknown as Response, values)
  return redirect(`/organizations/${(await res.json()).id}?saved=created`)
}

export default function NewOrganization() {
  const { parents, parentId } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">New organization</h1>
      <Form
        method="post"
        noValidate
        className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4"
      >
        <FormError message={result?.formError} />
        <IdempotencyKeyField />
        <OrganizationFields
          values={result?.values ?? { parentId }}
          errors={result?.fieldErrors}
          parents={parents}
        />
        <div>
          <SubmitButton>Create organization</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
