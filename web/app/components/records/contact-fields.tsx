// The contact's editable fields, shared by "New contact" and the contact page's edit form.
import { Field } from '../form.tsx'
import { SelectField } from '../sales/select-field.tsx'

export interface ContactValues {
  firstName?: string
  lastName?: string | null
  email?: string | null
  phone?: string | null
  title?: string | null
  organizationId?: string | null
  assignedUserId?: string | null
}

type Ref = { id: string; name: string }

export function ContactFields({
  values,
  errors = {},
  organizations,
  owners,
}: {
  values: ContactValues
  errors?: Record<string, string> | undefined
  organizations: Ref[]
  /** Only for managers and admins (reassignment); reps never see the owner select. */
  owners: Ref[] | null
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label="First name"
        name="firstName"
        required
        autoComplete="off"
        defaultValue={values.firstName ?? ''}
        error={errors.firstName}
      />
      <Field
        label="Last name"
        name="lastName"
        autoComplete="off"
        defaultValue={values.lastName ?? ''}
        error={errors.lastName}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={values.email ?? ''}
        error={errors.email}
      />
      <Field
        label="Phone"
        name="phone"
        type="tel"
        autoComplete="off"
        defaultValue={values.phone ?? ''}
        error={errors.phone}
      />
      <Field label="Job title" name="title" defaultValue={values.title ?? ''} error={errors.title} />
      <SelectField
        label="Organization"
        name="organizationId"
        defaultValue={values.organizationId ?? ''}
        error={errors.organizationId}
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
          defaultValue={values.assignedUserId ?? ''}
          error={errors.assignedUserId}
        >
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  )
}
