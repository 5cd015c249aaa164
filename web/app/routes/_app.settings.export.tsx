// Data export (admins, F1.8): everything as JSON or one record type as CSV. The form posts to the
// /resources/export download; when the API wants step-up it sends the browser back here with ?step=sent
// and this page shows the emailed-code step, whose form carries the choice and downloads on success.
// The complete archive (ADR 0125) takes the same path through /resources/workspace-archive (?what=archive).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Form, FormError, SubmitButton } from '~/components/form.tsx'
import { SelectField } from '~/components/sales/select-field.tsx'
import { StepUpForm } from '~/components/step-up.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { EXPORT_ENTITIES } from '~/lib/export-entities.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Export · Settings · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const params = new URL(request.url).searchParams
  const entity = EXPORT_ENTITIES.find((e) => e === params.get('entity')) ?? ''
  return { step: params.get('step'), entity, archive: params.get('what') === 'archive' }
}

export default function Export() {
  const { step, entity, archive } = useLoaderData<typeof loader>()
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Export data</h1>
      <p className="text-slate-700">
        Download your workspace&apos;s records, including archived ones. Exports are recorded in the audit
        log.
      </p>
      <p className="text-sm text-slate-700">
        To bring contacts or organizations in from a CSV file, use{' '}
        <Link to="/imports" className="font-medium text-indigo-700 underline">
          Import
        </Link>
        .
      </p>
      {step === 'sent' || step === 'wrong' ? (
        <StepUpForm
          values={archive ? {} : { entity }}
          action={archive ? '/resources/workspace-archive' : '/resources/export'}
          codeError={step === 'wrong' ? 'That code is not right or has expired' : undefined}
          submitLabel="Verify and download"
        />
      ) : (
        <Form
          method="post"
          action="/resources/export"
          reloadDocument
          className={`${cardClass} flex flex-col gap-4`}
        >
          <FormError
            message={step === 'failed' ? 'The export could not be started. Please try again.' : undefined}
          />
          <SelectField label="What to export" name="entity" defaultValue={entity}>
            <option value="">Everything (one JSON file)</option>
            {EXPORT_ENTITIES.map((e) => (
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
      <Form
        method="post"
        action="/resources/workspace-archive"
        reloadDocument
        className={`${cardClass} flex flex-col gap-3`}
      >
        <h2 className="text-lg font-semibold">Complete workspace archive</h2>
        <p className="text-sm text-slate-700">
          Everything, restorable: people (without passwords), processes, products and price history, all
          records and their histories, custom fields and the audit log, as one versioned JSON file. It can be
          restored into a new, empty workspace.
        </p>
        <div>
          <SubmitButton>Download archive</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
