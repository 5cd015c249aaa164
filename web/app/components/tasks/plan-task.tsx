// "Plan a next step" (ADR 0168): type, what to do, when (the reader's wall clock), and, for a lead, for
// whom. On a deal or contact page the record is fixed (a hidden field). Parsed by lib/task-actions.server.ts.
import { getFormProps, useForm } from '@conform-to/react'
import type { FormReply } from '~/lib/forms.server.ts'
import type { PlanTaskValues } from '~/lib/task-actions.server.ts'
import { Form, FormErrors, FormField, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { FormRecordSelect, FormSelect } from '../sales/select-field.tsx'
import { TASK_TYPES } from './task-item.tsx'

export function PlanTaskForm({
  lastResult,
  timezone,
  defaultDue,
  record,
  assignees,
  me,
}: {
  lastResult: FormReply | undefined
  timezone: string
  /** The due time offered first, as a datetime-local value (tomorrow morning). */
  defaultDue: string
  record: { dealId: string } | { contactId: string }
  /** Whom a lead may assign (active members); null for a rep, who plans for themself. */
  assignees: { id: string; name: string }[] | null
  me: string
}) {
  const [form, fields] = useForm<PlanTaskValues>({
    id: 'plan-task-form',
    lastResult,
    defaultValue: { type: 'call', dueAt: defaultDue, assigneeUserId: me },
  })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="intent" value="plan-task" />
      {'dealId' in record ? (
        <input type="hidden" name="dealId" value={record.dealId} />
      ) : (
        <input type="hidden" name="contactId" value={record.contactId} />
      )}
      <IdempotencyKeyField />
      <FormErrors errors={form.errors} />
      <FormField label="What to do" meta={fields.subject} required />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormSelect label="Type" meta={fields.type}>
          {Object.entries(TASK_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </FormSelect>
        <FormField label="Due" meta={fields.dueAt} type="datetime-local" hint={timezone} required />
      </div>
      {assignees && <FormRecordSelect label="For" meta={fields.assigneeUserId} options={assignees} />}
      <div>
        <SubmitButton>Plan</SubmitButton>
      </div>
    </Form>
  )
}
