// The contact's editable fields, shared by "New contact" and the contact page's edit form; values and errors
// come from the Conform form (the API's ZContactInput parses it, ADR 0150).
import { type AnyField, FormField } from '../form.tsx'
import { FormRecordSelect } from '../sales/select-field.tsx'

export type ContactFieldSet = Record<
  'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'organizationId' | 'assignedUserId',
  AnyField
>

type Ref = { id: string; name: string }

export function ContactFields({
  fields,
  organizations,
  owners,
}: {
  fields: ContactFieldSet
  organizations: Ref[]
  /** Only for managers and admins (reassignment); reps never see the owner select. */
  owners: Ref[] | null
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="First name" meta={fields.firstName} required autoComplete="off" />
      <FormField label="Last name" meta={fields.lastName} autoComplete="off" />
      <FormField label="Email" meta={fields.email} type="email" autoComplete="off" />
      <FormField label="Phone" meta={fields.phone} type="tel" autoComplete="off" />
      <FormField label="Job title" meta={fields.title} />
      <FormRecordSelect
        label="Organization"
        meta={fields.organizationId}
        none="None"
        options={organizations}
      />
      {owners && <FormRecordSelect label="Owner" meta={fields.assignedUserId} options={owners} />}
    </div>
  )
}
