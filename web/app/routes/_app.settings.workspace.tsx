// Workspace metadata (admins): company name, logo, industry, time zone (typed with suggestions from the
// runtime's IANA list, so it stays a plain field), and how long a deleted workspace is kept (retention).
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { invalid, parseForm, refusal } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { ZWorkspaceForm } from '~/lib/settings-forms.server.ts'
import { timeZoneChoices } from '~/lib/zoned-time.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Workspace settings · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const res = await apiClient(request, context).workspace.$get()
  if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 502)
  const workspace = await res.json()
  return { workspace, timezones: timeZoneChoices(workspace.timezone) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const submission = parseForm(await request.formData(), ZWorkspaceForm)
  if (submission.status !== 'success') return invalid(submission)
  const res = await apiClient(request, context).workspace.$patch({ json: submission.value })
  return res.status === 200
    ? redirectWithFlash(request, '/settings/workspace', 'workspace.saved')
    : refusal(submission, res)
}

export default function WorkspaceSettings() {
  const { workspace, timezones } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<z.input<typeof ZWorkspaceForm>>({
    id: 'workspace',
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      companyName: workspace.companyName,
      logoUrl: workspace.logoUrl,
      industry: workspace.industry,
      timezone: workspace.timezone,
      retentionDays: workspace.retentionDays,
    },
  })
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Workspace settings</h1>
      <Form
        method="post"
        {...getFormProps(form)}
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
        noValidate
      >
        <FormErrors errors={form.errors} />
        <FormField label="Company name" meta={fields.companyName} required />
        <FormField label="Logo URL" meta={fields.logoUrl} type="url" hint="An https:// image address." />
        <FormField label="Industry" meta={fields.industry} />
        <FormField
          label="Time zone"
          meta={fields.timezone}
          required
          hint="An IANA time zone, such as Europe/Paris or America/Chicago."
          list="timezones"
          autoComplete="off"
        />
        <datalist id="timezones">
          {timezones.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        <FormField
          label="Retention days"
          meta={fields.retentionDays}
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          hint="How long a deleted workspace's data is kept before it is purged."
        />
        <div>
          <SubmitButton>Save workspace</SubmitButton>
        </div>
      </Form>
      <section
        aria-labelledby="delete-workspace"
        className="flex flex-col gap-3 rounded-lg border border-red-200 bg-white p-6"
      >
        <h2 id="delete-workspace" className="text-lg font-semibold">
          Delete this workspace
        </h2>
        <p className="text-sm text-slate-700">
          Closes the workspace for everyone at once; its data is purged after the retention period above.
        </p>
        <div>
          <a href="/settings/workspace/delete" className={buttonClass.secondary}>
            Delete this workspace
          </a>
        </div>
      </section>
    </div>
  )
}
