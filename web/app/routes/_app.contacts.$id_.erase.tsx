// Erasing a contact (GDPR right to be forgotten, admins, ADR 0173): what goes and what stays, the person's
// full name typed as confirmation, then the emailed step-up code (NFR-S8). A plain form: works without JS.
import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { Form, FormErrors, FormField } from '~/components/form.tsx'
import { isStepUp, StepUpForm, type StepUpResult } from '~/components/step-up.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { apiClient } from '~/lib/api.server.ts'
import { redirectWithFlash } from '~/lib/flash.server.ts'
import { type FormReply, invalid, parseForm } from '~/lib/forms.server.ts'
import { ZEraseContact } from '~/lib/inputs.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { must } from '~/lib/sales.server.ts'
import { withStepUp } from '~/lib/step-up.server.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const meta: MetaFunction = () => [{ title: 'Erase contact · Aura CRM' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  const id = params.id ?? ''
  const contact = await must(
    await apiClient(request, context).contacts[':id'].$get({ param: { id } }),
    request,
    context,
  )
  return { contact: { id: contact.id, fullName: contact.fullName } }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const id = params.id ?? ''
  const form = await request.formData()
  const submission = parseForm(form, ZEraseContact)
  if (submission.status !== 'success') return invalid(submission)
  const api = apiClient(request, context)
  return withStepUp(
    request,
    context,
    form,
    submission,
    async () => await api.contacts[':id'].erase.$post({ param: { id }, json: submission.value }),
    () => redirectWithFlash(request, '/contacts', 'contact.erased'),
  )
}

export default function EraseContact() {
  const { contact } = useLoaderData<typeof loader>()
  const result = useActionData<FormReply | StepUpResult>()
  const stepUp = isStepUp(result) ? result.stepUp : null
  const [form, fields] = useForm<z.input<typeof ZEraseContact>>({
    id: 'erase',
    lastResult: isStepUp(result) ? undefined : result,
  })
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <p className="text-sm text-slate-600">
        <Link to={`/contacts/${contact.id}`} className="hover:underline">
          {contact.fullName}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight break-words">Erase {contact.fullName}</h1>
      <div className={`${cardClass} flex flex-col gap-2 text-sm text-slate-800`}>
        <p>Erasure is permanent and cannot be undone. It removes:</p>
        <ul className="list-disc pl-5">
          <li>the contact, with their custom fields;</li>
          <li>every activity logged with them, and the tasks and notifications about them.</li>
        </ul>
        <p>
          Their deals stay, without a contact. The audit log keeps its entries, with a pseudonym where their
          name, e-mail address and phone number were. The erasure itself is recorded, without personal data.
        </p>
      </div>
      <Form method="post" action="/resources/contact-data" reloadDocument className="text-sm">
        <input type="hidden" name="contactId" value={contact.id} />
        Need a copy for them first?{' '}
        <button
          type="submit"
          className="min-h-11 font-medium text-indigo-700 underline hover:text-indigo-900"
        >
          Download their personal data
        </button>
      </Form>
      {stepUp ? (
        <StepUpForm {...stepUp} submitLabel="Verify and erase" />
      ) : (
        <Form method="post" {...getFormProps(form)} className={`${cardClass} flex flex-col gap-4`} noValidate>
          <FormErrors errors={form.errors} />
          <FormField
            label={`Type “${contact.fullName}” to confirm`}
            meta={fields.confirm}
            required
            autoComplete="off"
          />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={buttonClass.danger}>
              Erase permanently
            </button>
            <Link to={`/contacts/${contact.id}`} className={buttonClass.secondary}>
              Cancel
            </Link>
          </div>
        </Form>
      )}
    </div>
  )
}
