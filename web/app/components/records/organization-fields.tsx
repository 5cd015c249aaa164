// The organization's editable fields, shared by "New organization" and the organization page.
import { Field } from '../form.tsx'
import { SelectField } from '../sales/select-field.tsx'

export interface OrganizationValues {
  name?: string
  parentId?: string | null
  size?: string | null
  industry?: string | null
  location?: string | null
  website?: string | null
}

export function OrganizationFields({
  values,
  errors = {},
  parents,
}: {
  values: OrganizationValues
  errors?: Record<string, string> | undefined
  parents: { id: string; name: string }[]
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Name" name="name" required defaultValue={values.name ?? ''} error={errors.name} />
      <SelectField
        label="Parent company"
        name="parentId"
        defaultValue={values.parentId ?? ''}
        error={errors.parentId}
      >
        <option value="">None</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <Field label="Industry" name="industry" defaultValue={values.industry ?? ''} error={errors.industry} />
      <Field
        label="Size"
        name="size"
        hint="For example 50–200"
        defaultValue={values.size ?? ''}
        error={errors.size}
      />
      <Field label="Location" name="location" defaultValue={values.location ?? ''} error={errors.location} />
      <Field
        label="Website"
        name="website"
        type="url"
        defaultValue={values.website ?? ''}
        error={errors.website}
      />
    </div>
  )
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null)

/** Form values → the organization body ('' clears a field). */
export function organizationBody(values: Record<string, string>) {
  return {
    name: values.name ?? '',
    parentId: orNull(values.parentId),
    size: orNull(values.size),
    industry: orNull(values.industry),
    location: orNull(values.location),
    website: orNull(values.website),
  }
}
