// Sales processes (admins): the list (default and archived marked) and "Create process". Zero JS.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { cardClass } from '~/components/sales/select-field.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { must } from '~/lib/sales.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Processes · Settings · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const api = apiClient(request, context)
  return (await must(await api.processes.$get({ query: { includeArchived: 'true' } }), request, context)).data
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const res = await apiClient(request, context, values).processes.$post({
    json: {
      name: values.name ?? '',
      description: values.description?.trim() || null,
      isDefault: false,
      stages: [],
    },
  })
  if (res.status !== 201) return formFailure(res as unknown as Response, values)
  return redirect(`/settings/processes/${(await res.json()).id}?done=created`)
}

export default function Processes() {
  const processes = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sales processes</h1>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {processes.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-x-3 px-4 py-1 text-sm">
            <Link
              to={`/settings/processes/${p.id}`}
              className="inline-flex min-h-11 items-center font-medium text-indigo-700 hover:underline"
            >
              {p.name}
            </Link>
            <span className="text-slate-700">
              {[p.isDefault && 'Default', p.archived && 'Archived', `${p.stages.length} stages`]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <Form method="post" noValidate className={`${cardClass} flex flex-col gap-4`}>
        <h2 className="text-lg font-semibold">Create process</h2>
        <FormError message={result?.formError} />
        <IdempotencyKeyField />
        <Field
          label="Process name"
          name="name"
          required
          defaultValue={result?.values?.name}
          error={result?.fieldErrors?.name}
        />
        <Field
          label="Description"
          name="description"
          defaultValue={result?.values?.description}
          error={result?.fieldErrors?.description}
        />
        <div>
          <SubmitButton>Create process</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
