import { type AnyField, FormField, TextAreaField } from '~/components/form.tsx'
import { FormRecordSelect } from './select-field.tsx'

interface Option {
  id: string
  name: string
}

/** The Conform fields of the one Deal form shape (lib/deal-form.server.ts); probability and owner are optional. */
export interface DealFieldSet {
  name: AnyField
  amount: AnyField
  closeDate: AnyField
  contactId: AnyField
  organizationId: AnyField
  notes: AnyField
  probability?: AnyField
  assignedUserId?: AnyField
}

/** The deal fields shared by "New deal" and the deal page; values and errors come from the Conform form. */
export function DealInputs({
  fields,
  contacts,
  organizations,
  owners,
  withAmount = true,
  withProbability,
}: {
  fields: DealFieldSet
  contacts: Option[]
  organizations: Option[]
  /** Only for managers and admins; reps never see the owner control. */
  owners: Option[] | null
  /** False on the deal page, where the amount has its own form (or follows the line items). */
  withAmount?: boolean
  withProbability?: boolean
}) {
  return (
    <>
      <FormField label="Name" meta={fields.name} required />
      {withAmount && <FormField label="Amount" meta={fields.amount} inputMode="decimal" />}
      <FormField label="Close date" meta={fields.closeDate} type="date" />
      {withProbability && fields.probability && (
        <FormField label="Probability %" meta={fields.probability} type="number" min={0} max={100} />
      )}
      <FormRecordSelect label="Contact" meta={fields.contactId} none="None" options={contacts} />
      <FormRecordSelect
        label="Organization"
        meta={fields.organizationId}
        none="None"
        options={organizations}
      />
      {owners && fields.assignedUserId && (
        <FormRecordSelect label="Owner" meta={fields.assignedUserId} options={owners} />
      )}
      <TextAreaField label="Notes" meta={fields.notes} className="sm:col-span-2" />
    </>
  )
}
