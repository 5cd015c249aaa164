// Data export (admins, F1.8): everything as JSON or one record type as CSV. The API asks for step-up, so
// the first submit shows the emailed-code step; verifying re-submits and the browser downloads the file
// (the API's stream is passed straight through, never buffered here). Zero JS.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { cardClass, SelectField } from '~/components/sales/select-field.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { type FormResult, formValues } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { withStepUp } from '~/lib/step-up.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Export · Settings · Aura CRM' }]

const ENTITIES = ['organizations', 'contacts', 'deals', 'line-items', 'activities', 'products'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const entity = ENTITIES.find((e) => e === values.entity)
  const query = entity ? { format: 'csv' as const, entity } : { format: 'json' as const }
  return withStepUp(
    request,
    context,
    values,
    async () => (await apiClient(request, context).export.$get({ query })) as unknown as Response,
    (res) => {
      const headers = new Headers()
      for (const h of ['content-type', 'content-disposition']) {
        const v = res.headers.get(h)
        if (v) headers.set(h, v)
      }
      return new Response(res.body, { status: 200, headers })
    },
  )
}

export default function Export() {
  const result = useActionData<FormResult | StepUpResult>()
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Export data</h1>
      <p className="text-slate-700">
        Download your workspace&apos;s records, including archived ones. Exports are recorded in the audit
        log.
      </p>
      {isStepUp(result) ? (
        <StepUpForm {...result.stepUp} submitLabel="Verify and download" />
      ) : (
        <Form method="post" reloadDocument className={`${cardClass} flex flex-col gap-4`}>
          <FormError message={result?.formError} />
          <SelectField label="What to export" name="entity" defaultValue={result?.values?.entity ?? ''}>
            <option value="">Everything (one JSON file)</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e.replace('-', ' ')} (CSV)
              </option>
            ))}
          </SelectField>
          <div>
            <SubmitButton>Download export</SubmitButton>
          </div>
        </Form>
      )}
    </div>
  )
}
