// A process's lost reasons (issue 13), which "Lost…" on a deal offers: the list with a Remove button each
// (archived: deals lost for it keep it) and "Add a reason", both plain forms.
import { getFormProps, useForm } from '@conform-to/react'
import type { z } from 'zod'
import type { FormReply } from '~/lib/forms.server.ts'
import type { ZAddReasonForm } from '~/lib/settings-forms.server.ts'
import { Form, FormErrors, FormField, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { cardClass } from '../ui/card.ts'

export function LostReasons({
  reasons,
  lastResult,
}: {
  reasons: { id: string; label: string }[]
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm<z.input<typeof ZAddReasonForm>>({ id: 'add-reason', lastResult })
  return (
    <section aria-labelledby="lost-reasons" className={`${cardClass} flex flex-col gap-3`}>
      <h2 id="lost-reasons" className="text-lg font-semibold">
        Lost reasons
      </h2>
      <p className="text-sm text-slate-700">Offered when a deal of this process is marked as lost.</p>
      {reasons.length === 0 ? (
        <p className="text-sm text-slate-700">None yet: deals are lost without a reason.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {reasons.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-1">
              <span className="min-w-0 break-words">{r.label}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="archive-reason" />
                <input type="hidden" name="reasonId" value={r.id} />
                <button
                  type="submit"
                  aria-label={`Remove “${r.label}”`}
                  className="min-h-11 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                >
                  Remove
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(form)} noValidate className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="add-reason" />
        <IdempotencyKeyField />
        <div className="min-w-0 flex-1 basis-48">
          <FormErrors errors={form.errors} />
          <FormField label="New reason" meta={fields.label} />
        </div>
        <SubmitButton>Add reason</SubmitButton>
      </Form>
    </section>
  )
}
