// Sales processes (admins): the list (default and archived marked) and "Create process". Zero JS.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { ZCreateProcess } from '~/lib/inputs.server.ts'
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
  const form = await request.formData()
  // Name and description only: a new process is not the default and gets its stages on its own page.
  const submission = parseForm(form, ZCreateProcess.pick({ name: true, description: true }))
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context, form).processes.$post({ json: submission.value })
  if (res.status !== 201) return refusal(submission, res)
  return redirectWithFlash(request, `/settings/processes/${(await res.json()).id}`, 'process.created')
}

export default function Processes() {
  const processes = useLoaderData<typeof loader>()
  const [form, fields] = useForm<{ name: string; description: string }>({
    id: 'new-process',
    lastResult: useActionData<typeof action>(),
  })
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
      <Form method="post" {...getFormProps(form)} noValidate className={`${cardClass} flex flex-col gap-4`}>
        <h2 className="text-lg font-semibold">Create process</h2>
        <FormErrors errors={form.errors} />
        <IdempotencyKeyField />
        <FormField label="Process name" meta={fields.name} required />
        <FormField label="Description" meta={fields.description} />
        <div>
          <SubmitButton>Create process</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
