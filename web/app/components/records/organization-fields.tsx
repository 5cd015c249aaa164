// The organization's editable fields, shared by "New organization" and the organization page; values and
// errors come from the Conform form (the API's ZOrganizationInput parses it, ADR 0150).
import { type AnyField, FormField } from '../form.tsx'
import { FormRecordSelect } from '../sales/select-field.tsx'

export type OrganizationFieldSet = Record<
  'name' | 'parentId' | 'size' | 'industry' | 'location' | 'website',
  AnyField
>

export function OrganizationFields({
  fields,
  parents,
}: {
  fields: OrganizationFieldSet
  parents: { id: string; name: string }[]
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="Name" meta={fields.name} required />
      <FormRecordSelect label="Parent company" meta={fields.parentId} none="None" options={parents} />
      <FormField label="Industry" meta={fields.industry} />
      <FormField label="Size" meta={fields.size} hint="For example 50–200" />
      <FormField label="Location" meta={fields.location} />
      <FormField label="Website" meta={fields.website} type="url" />
    </div>
  )
}
