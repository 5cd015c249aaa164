import { Field } from '~/components/form.tsx'
import type { FormResult } from '~/lib/forms.server.ts'
import { SelectField } from './select-field.tsx'

interface Option {
  id: string
  name: string
}

export interface DealDefaults {
  name?: string
  amount?: string
  closeDate?: string | null
  probability?: number
  contactId?: string | null
  organizationId?: string | null
  assignedUserId?: string | null
  notes?: string | null
}

/** The deal fields shared by "New deal" and the deal page; values fall back to the last submission. */
export function DealInputs({
  deal,
  result,
  contacts,
  organizations,
  owners,
  amountLocked,
  withProbability,
}: {
  deal: DealDefaults
  result: FormResult | undefined
  contacts: Option[]
  organizations: Option[]
  /** Only for managers and admins; reps never see the owner control. */
  owners: Option[] | null
  amountLocked?: boolean
  withProbability?: boolean
}) {
  const v = (k: keyof DealDefaults) => result?.values?.[k] ?? (deal[k] == null ? '' : String(deal[k]))
  const err = (k: string) => result?.fieldErrors?.[k]
  return (
    <>
      <Field label="Name" name="name" required defaultValue={v('name')} error={err('name')} />
      <Field
        label="Amount"
        name="amount"
        inputMode="decimal"
        defaultValue={v('amount')}
        error={err('amount')}
        readOnly={amountLocked}
        {...(amountLocked ? { hint: 'Follows the line items' } : {})}
      />
      <Field
        label="Close date"
        name="closeDate"
        type="date"
        defaultValue={v('closeDate')}
        error={err('closeDate')}
      />
      {withProbability && (
        <Field
          label="Probability %"
          name="probability"
          type="number"
          min={0}
          max={100}
          defaultValue={v('probability')}
          error={err('probability')}
        />
      )}
      <SelectField label="Contact" name="contactId" defaultValue={v('contactId')} error={err('contactId')}>
        <option value="">None</option>
        {contacts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Organization"
        name="organizationId"
        defaultValue={v('organizationId')}
        error={err('organizationId')}
      >
        <option value="">None</option>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      {owners && (
        <SelectField
          label="Owner"
          name="assignedUserId"
          defaultValue={v('assignedUserId')}
          error={err('assignedUserId')}
        >
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor="field-notes" className="text-sm font-medium text-slate-800">
          Notes
        </label>
        <textarea
          id="field-notes"
          name="notes"
          rows={3}
          defaultValue={v('notes')}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
        />
      </div>
    </>
  )
}
