import { Field, Form, FormError, SubmitButton } from '~/components/form.tsx'
import type { FormResult } from '~/lib/forms.server.ts'

interface Member {
  name: string | null
  department: string | null
  phone: string | null
  avatarUrl: string | null
}

/** The fields a member edits themself; an empty optional field clears it. */
export function ProfileForm({ member, result }: { member: Member; result: FormResult | undefined }) {
  const value = (key: keyof Member) => result?.values?.[key] ?? member[key] ?? ''
  return (
    <section aria-labelledby="profile-details" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="profile-details" className="mb-4 text-lg font-semibold">
        Details
      </h2>
      <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <div className="sm:col-span-2">
          <FormError message={result?.formError} />
        </div>
        <Field
          label="Name"
          name="name"
          autoComplete="name"
          required
          defaultValue={value('name')}
          error={result?.fieldErrors?.name}
        />
        <Field
          label="Department"
          name="department"
          autoComplete="organization-title"
          defaultValue={value('department')}
          error={result?.fieldErrors?.department}
        />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={value('phone')}
          error={result?.fieldErrors?.phone}
        />
        <Field
          label="Avatar URL"
          name="avatarUrl"
          type="url"
          hint="An https:// image address."
          defaultValue={value('avatarUrl')}
          error={result?.fieldErrors?.avatarUrl}
        />
        <div className="sm:col-span-2">
          <SubmitButton>Save profile</SubmitButton>
        </div>
      </Form>
    </section>
  )
}
