// "Log activity" on a contact page (F10.1), a deal page or the quick add page (issue 13): type, subject,
// what happened, and when (the viewer's wall clock; empty means now). Parsed by lib/activity-form.server.ts
// (the API's input). Off a contact page the form also names the contact it is logged on (the API files
// every activity under one); on a deal page the deal is fixed, and so is its contact when it has one (the
// page then carries no list of contacts: issue 13, a lighter page; another contact logs from their page).
import { getFormProps, useForm } from '@conform-to/react'
import type { LogActivityValues } from '~/lib/activity-form.server.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import { Form, FormErrors, FormField, SubmitButton, TextAreaField } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { FormRecordSelect, FormSelect } from '../sales/select-field.tsx'

type Option = { id: string; name: string }

export function LogActivityForm({
  lastResult,
  deals,
  timezone,
  contacts,
  contact,
  dealId,
  contactId,
}: {
  lastResult: FormReply | undefined
  /** "About deal" choices; none: no such select. */
  deals: Option[]
  timezone: string
  /** "With contact" choices, off a contact page. */
  contacts?: Option[]
  /** A deal page's own contact: the activity is logged with them, no choice offered. */
  contact?: Option
  /** A deal page's own deal. */
  dealId?: string
  /** The contact chosen first among `contacts` (quick add from a contact). */
  contactId?: string | null
}) {
  const [form, fields] = useForm<LogActivityValues>({
    id: 'log-activity-form',
    lastResult,
    defaultValue: { type: 'call', contactId: contactId ?? undefined },
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      noValidate
      className="flex flex-col gap-3"
      aria-labelledby="log-activity"
    >
      <h2 id="log-activity" className="text-lg font-semibold">
        Log activity
      </h2>
      <input type="hidden" name="intent" value="log-activity" />
      <IdempotencyKeyField />
      <FormErrors errors={form.errors} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormSelect label="Type" meta={fields.type}>
          <option value="call">Call</option>
          <option value="email">Email</option>
          <option value="meeting">Meeting</option>
          <option value="note">Note</option>
        </FormSelect>
        <FormField
          label="When"
          meta={fields.occurredAt}
          type="datetime-local"
          hint={`Leave empty for now (${timezone}).`}
        />
      </div>
      <FormField label="Subject" meta={fields.subject} />
      <TextAreaField label="Description" meta={fields.description} required />
      {contacts && (
        <FormRecordSelect
          label="With contact"
          meta={fields.contactId}
          none="Choose a contact"
          options={contacts}
          required
        />
      )}
      {contact && (
        <p className="text-sm text-slate-700">
          <input type="hidden" name="contactId" value={contact.id} />
          With {contact.name}, the deal’s contact.
        </p>
      )}
      {dealId && <input type="hidden" name="dealId" value={dealId} />}
      {!dealId && deals.length > 0 && (
        <FormRecordSelect label="About deal" meta={fields.dealId} none="No deal" options={deals} />
      )}
      <div>
        <SubmitButton>Log activity</SubmitButton>
      </div>
    </Form>
  )
}
