// The deal page's edit forms under the facts they change (issue 13: a record, not a stack of forms): the
// amount in sight, the details, the owner (managers and admins) and a move to another process behind
// disclosures.
import { getFormProps, useForm } from '@conform-to/react'
import type { DealFormValues } from '~/lib/deal-form.server.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import type { Deal, Process } from '~/lib/sales.server.ts'
import { Form, FormErrors, FormField, SubmitButton } from '../form.tsx'
import { buttonClass } from '../ui/button.tsx'
import { DealInputs } from './deal-inputs.tsx'
import { FormSelect } from './select-field.tsx'
import { StageOptions } from './stage-select.tsx'

type Option = { id: string; name: string }
type DealData = Omit<Deal, 'lineItems'>

/** `?open=details` opens the details form (a link disclosure: its choices are rendered only then). */
export const DEAL_DETAILS = 'details'

export function DetailsForm({
  deal,
  contacts,
  organizations,
  lastResult,
}: {
  deal: DealData
  contacts: Option[]
  organizations: Option[]
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm<DealFormValues>({
    id: 'deal-details',
    lastResult,
    defaultValue: {
      name: deal.name,
      amount: deal.amount,
      closeDate: deal.closeDate,
      probability: deal.probability,
      contactId: deal.contactId,
      organizationId: deal.organizationId,
      notes: deal.notes,
    },
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      noValidate
      className="grid grid-cols-1 gap-4 sm:grid-cols-2"
      aria-label="Deal details"
    >
      <input type="hidden" name="intent" value="update" />
      {/* The amount is not this form's: it has its own, or follows the line items. */}
      <input type="hidden" name="amountLocked" value="1" />
      <div className="sm:col-span-2">
        <FormErrors errors={form.errors} />
      </div>
      <DealInputs
        fields={fields}
        contacts={contacts}
        organizations={organizations}
        owners={null}
        withAmount={false}
        withProbability
      />
      <div className="sm:col-span-2">
        <SubmitButton>Save details</SubmitButton>
      </div>
    </Form>
  )
}

/**
 * The amount typed by hand, in sight while the deal has no line items (issue 13: updating the value is two
 * taps, the field and Save); with line items it is their total and this form is not shown (F13.10).
 */
export function AmountForm({ deal, lastResult }: { deal: DealData; lastResult: FormReply | undefined }) {
  const [form, fields] = useForm<{ amount: string }>({
    id: 'deal-amount',
    lastResult,
    defaultValue: { amount: deal.amount },
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      noValidate
      aria-label="Amount"
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="intent" value="amount" />
      <div className="min-w-0 flex-1 basis-40">
        <FormErrors errors={form.errors} />
        <FormField
          label={`Amount (${deal.currency})`}
          meta={fields.amount}
          inputMode="decimal"
          hint="Typed by hand; once products are added it is their total."
        />
      </div>
      <SubmitButton>Save amount</SubmitButton>
    </Form>
  )
}

/**
 * A new owner in two taps (issue 13: under 3): "Change owner" opens the people who may own it as buttons,
 * and a tap on one reassigns. Plain submit buttons, so it works without JavaScript.
 */
export function OwnerPicker({
  deal,
  owners,
  lastResult,
}: {
  deal: DealData
  owners: Option[]
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm({ id: 'deal-owner', lastResult })
  const errors = [...(form.errors ?? []), ...(fields.assignedUserId?.errors ?? [])]
  return (
    <Form method="post" {...getFormProps(form)} aria-label="Change owner" className="flex flex-col gap-2">
      <input type="hidden" name="intent" value="assign" />
      <FormErrors errors={errors.length ? errors : undefined} />
      <ul className="grid max-h-96 grid-cols-1 gap-2 overflow-y-auto sm:grid-cols-2">
        {owners.map((o) => {
          const current = o.id === deal.assignedUserId
          return (
            <li key={o.id}>
              <button
                type="submit"
                name="assignedUserId"
                value={o.id}
                disabled={current}
                className={`${buttonClass.secondary} w-full justify-start break-words text-left`}
              >
                {o.name}
                {current && <span className="ml-1 text-slate-600">(owner now)</span>}
              </button>
            </li>
          )
        })}
      </ul>
    </Form>
  )
}

/** Into a stage of another process (open question 1): every process's stages, grouped. */
export function ProcessMoveForm({ deal, processes }: { deal: DealData; processes: Process[] }) {
  const [form, fields] = useForm({
    id: 'deal-process-move',
    defaultValue: { stage: `${deal.processId}/${deal.stageId}` },
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="flex flex-wrap items-end gap-2"
      aria-label="Move to another process"
    >
      <input type="hidden" name="intent" value="move" />
      <div className="min-w-0 flex-1 basis-48">
        <FormSelect label="Process and stage" meta={fields.stage}>
          <StageOptions processes={processes} withProcess />
        </FormSelect>
      </div>
      <SubmitButton>Move</SubmitButton>
    </Form>
  )
}
