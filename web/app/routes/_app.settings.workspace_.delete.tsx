// Deleting the whole workspace (admins, NFR-D3, ADR 0173): the export offered first, what happens and when
// (closed at once, purged after the retention period), the workspace address typed as confirmation, then the
// emailed step-up code. On success every session has ended, so the browser goes to the public site.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, FormField } from '~/components/form.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { type FormReply, invalid, parseForm } from '~/lib/forms.server.ts'
import { ZDeleteWorkspace } from '~/lib/inputs.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { withStepUp } from '~/lib/step-up.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Delete workspace · Settings · Aura CRM' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const res = await apiClient(request, context).workspace.$get()
  if (res.status !== 200) throw errorPage((await readProblem(res)).status === 403 ? 403 : 502)
  const { slug, retentionDays } = await res.json()
  return { slug, retentionDays }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const form = await request.formData()
  const submission = parseForm(form, ZDeleteWorkspace)
  if (submission.status !== 'success') return invalid(submission)
  const api = apiClient(request, context)
  const url = new URL(request.url)
  return withStepUp(
    request,
    context,
    form,
    submission,
    async () => await api.workspace.deletion.$post({ json: submission.value }),
    // Every session of the workspace has ended and its address answers 404: the public site is what is left.
    () => redirect(`${url.protocol}//${context.rootDomain}${url.port ? `:${url.port}` : ''}/`),
  )
}

export default function DeleteWorkspace() {
  const { slug, retentionDays } = useLoaderData<typeof loader>()
  const result = useActionData<FormReply | StepUpResult>()
  const stepUp = isStepUp(result) ? result.stepUp : null
  const [form, fields] = useForm<z.input<typeof ZDeleteWorkspace>>({
    id: 'delete-workspace',
    lastResult: isStepUp(result) ? undefined : result,
  })
  const days = retentionDays === 1 ? '1 day' : `${retentionDays} days`
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Delete this workspace</h1>
      <section aria-labelledby="export-first" className={`${cardClass} flex flex-col gap-2`}>
        <h2 id="export-first" className="text-lg font-semibold">
          First, take your data with you
        </h2>
        <p className="text-sm text-slate-700">
          Download everything before you delete: once deleted, nobody can sign in to export it.
        </p>
        <div>
          <Link to="/settings/export" className={buttonClass.secondary}>
            Go to Export
          </Link>
        </div>
      </section>
      <div className={`${cardClass} flex flex-col gap-2 text-sm text-slate-800`}>
        <p>When you delete the workspace:</p>
        <ul className="list-disc pl-5">
          <li>everyone is signed out at once, API tokens stop working and its address stops answering;</li>
          <li>
            all its data is permanently purged after the retention period: {days} (set under Workspace
            settings);
          </li>
          <li>its audit log is kept for 12 months in a separate archive, as the law asks of us.</li>
        </ul>
        <p>This cannot be undone from inside the workspace.</p>
      </div>
      {stepUp ? (
        <StepUpForm {...stepUp} submitLabel="Verify and delete" />
      ) : (
        <Form method="post" {...getFormProps(form)} className={`${cardClass} flex flex-col gap-4`} noValidate>
          <FormErrors errors={form.errors} />
          <FormField
            label={`Type the workspace address “${slug}” to confirm`}
            meta={fields.confirm}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={buttonClass.danger}>
              Delete workspace
            </button>
            <Link to="/settings/workspace" className={buttonClass.secondary}>
              Cancel
            </Link>
          </div>
        </Form>
      )}
    </div>
  )
}
