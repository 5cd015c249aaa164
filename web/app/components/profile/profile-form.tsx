import { getFormProps, useForm } from '@conform-to/react'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import type { FormReply } from '~/lib/forms.server.ts'

interface Member {
  name: string | null
  department: string | null
  phone: string | null
  avatarUrl: string | null
}

/** The fields a member edits themself; an empty optional field clears it. */
export function ProfileForm({ member, lastResult }: { member: Member; lastResult: FormReply | undefined }) {
  const { name, department, phone, avatarUrl } = member
  const [form, fields] = useForm<Member>({
    id: 'profile',
    lastResult,
    defaultValue: { name, department, phone, avatarUrl },
  })
  return (
    <section aria-labelledby="profile-details" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="profile-details" className="mb-4 text-lg font-semibold">
        Details
      </h2>
      <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <div className="sm:col-span-2">
          <FormErrors errors={form.errors} />
        </div>
        <FormField label="Name" meta={fields.name} autoComplete="name" required />
        <FormField label="Department" meta={fields.department} autoComplete="organization-title" />
        <FormField label="Phone" meta={fields.phone} type="tel" autoComplete="tel" />
        <FormField label="Avatar URL" meta={fields.avatarUrl} type="url" hint="An https:// image address." />
        <div className="sm:col-span-2">
          <SubmitButton>Save profile</SubmitButton>
        </div>
      </Form>
    </section>
  )
}
