// The deal page's edit forms under the facts they change (issue 13: a record, not a stack of forms): the
// details and a move to another process behind disclosures, the owner (managers and admins) in sight.
import { getFormProps, useForm } from '@conform-to/react'
import type { DealFormValues } from '~/lib/deal-form.server.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import type { Deal, Process } from '~/lib/sales.server.ts'
import { Form, FormErrors, SubmitButton } from '../form.tsx'
import { DealInputs } from './deal-inputs.tsx'
import { FormSelect } from './select-field.tsx'
import { StageOptions } from './stage-select.tsx'

type Option = { id: string; name: string }
type DealData = Omit<Deal, 'lineItems'>

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
      {deal.hasLineItems && <input type="hidden" name="amountLocked" value="1" />}
      <div className="sm:col-span-2">
        <FormErrors errors={form.errors} />
      </div>
      <DealInputs
        fields={fields}
        contacts={contacts}
        organizations={organizations}
        owners={null}
        amountLocked={deal.hasLineItems}
        withProbability
      />
      <div className="sm:col-span-2">
        <SubmitButton>Save details</SubmitButton>
      </div>
    </Form>
  )
}

export function OwnerForm({
  deal,
  owners,
  lastResult,
}: {
  deal: DealData
  owners: Option[]
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm({
    id: 'deal-owner',
    lastResult,
    defaultValue: { assignedUserId: deal.assignedUserId ?? '' },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-2" aria-label="Change owner">
      <input type="hidden" name="intent" value="assign" />
      <FormErrors errors={form.errors} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-48">
          <FormSelect label="Assigned to" meta={fields.assignedUserId}>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </FormSelect>
        </div>
        <SubmitButton>Reassign</SubmitButton>
      </div>
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
