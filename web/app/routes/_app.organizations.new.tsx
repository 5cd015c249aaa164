// New organization, optionally under a parent company (the API refuses loops and unknown parents).

import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { OrganizationFields } from '~/components/records/organization-fields.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZOrganizationInput } from '~/lib/inputs.server.ts'
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
  const form = await request.formData()
  const submission = parseForm(form, ZOrganizationInput)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context, form).organizations.$post({ json: submission.value })
  if (res.status !== 201) return refusal(submission, res)
  return redirectWithFlash(request, `/organizations/${(await res.json()).id}`, 'organization.created')
}

export default function NewOrganization() {
  const { parents, parentId } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZOrganizationInput>>({
    id: 'new-organization',
    lastResult: useActionData<typeof action>(),
    defaultValue: { parentId },
  })
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">New organization</h1>
      <Form
        method="post"
        {...getFormProps(form)}
        noValidate
        className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4"
      >
        <FormErrors errors={form.errors} />
        <IdempotencyKeyField />
        <OrganizationFields fields={fields} parents={parents} />
        <div>
          <SubmitButton>Create organization</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
