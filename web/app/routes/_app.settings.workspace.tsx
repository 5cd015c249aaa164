// Workspace metadata (admins): company name, logo, industry, time zone (typed with suggestions from the
// runtime's IANA list, so it stays a plain field), and how long a deleted workspace is kept (retention).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import { Notice } from '~/components/notice.tsx'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { type FormResult, formFailure, formValues } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction = () => [{ title: 'Workspace settings · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const res = await apiClient(request, context).workspace.$get()
  if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 502)
  return {
    workspace: await res.json(),
    saved: new URL(request.url).searchParams.has('saved'),
    timezones: ['UTC', ...Intl.supportedValuesOf('timeZone')],
  }
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null)

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const res = await apiClient(request, context).workspace.$patch({
    json: {
      companyName: values.companyName ?? '',
      logoUrl: orNull(values.logoUrl),
      industry: orNull(values.industry),
      timezone: values.timezone?.trim() ?? '',
      // Not a whole number becomes 0, which the API refuses with its own range message.
      ...(values.retentionDays?.trim()
        ? { retentionDays: Math.trunc(Number(values.retentionDays)) || 0 }
        : {}),
    },
  })
  return res.status === 200 ? redirect('/settings/workspace?saved=1') : formFailure(res, values)
}

export default function WorkspaceSettings() {
  const { workspace, saved, timezones } = useLoaderData<typeof loader>()
  const result = useActionData<FormResult>()
  const value = (key: 'companyName' | 'logoUrl' | 'industry' | 'timezone' | 'retentionDays') =>
    result?.values?.[key] ?? String(workspace[key] ?? '')
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Workspace settings</h1>
      {saved && <Notice>Workspace saved.</Notice>}
      <Form
        method="post"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
        noValidate
      >
        <FormError message={result?.formError} />
        <Field
          label="Company name"
          name="companyName"
          required
          defaultValue={value('companyName')}
          error={result?.fieldErrors?.companyName}
        />
        <Field
          label="Logo URL"
          name="logoUrl"
          type="url"
          hint="An https:// image address."
          defaultValue={value('logoUrl')}
          error={result?.fieldErrors?.logoUrl}
        />
        <Field
          label="Industry"
          name="industry"
          defaultValue={value('industry')}
          error={result?.fieldErrors?.industry}
        />
        <Field
          label="Time zone"
          name="timezone"
          required
          hint="An IANA time zone, such as Europe/Paris or America/Chicago."
          list="timezones"
          autoComplete="off"
          defaultValue={value('timezone')}
          error={result?.fieldErrors?.timezone}
        />
        <datalist id="timezones">
          {timezones.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        <Field
          label="Retention days"
          name="retentionDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          hint="How long a deleted workspace's data is kept before it is purged."
          defaultValue={value('retentionDays')}
          error={result?.fieldErrors?.retentionDays}
        />
        <div>
          <SubmitButton>Save workspace</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
