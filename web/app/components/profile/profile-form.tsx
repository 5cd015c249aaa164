import { getFormProps, useForm } from '@conform-to/react'
import { Form, FormErrors, FormField, SubmitButton } from '~/components/form.tsx'
import { FormRecordSelect } from '~/components/sales/select-field.tsx'
import type { FormReply } from '~/lib/forms.server.ts'

interface Member {
  name: string | null
  department: string | null
  phone: string | null
  avatarUrl: string | null
  timezone: string | null
}

/**
 * The fields a member edits themself; an empty optional field clears it. The time zone is a choice among
 * the runtime's IANA zones, first "Workspace default (<its zone>)", which sends "" and clears it (ADR 0164).
 */
export function ProfileForm({
  member,
  lastResult,
  timezones,
  workspaceTimezone,
}: {
  member: Member
  lastResult: FormReply | undefined
  timezones: string[]
  workspaceTimezone: string
}) {
  const { name, department, phone, avatarUrl, timezone } = member
  const [form, fields] = useForm<Member>({
    id: 'profile',
    lastResult,
    defaultValue: { name, department, phone, avatarUrl, timezone: timezone ?? '' },
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
        {/* min-w-0: the grid cell, not the longest zone's name, sets the select's width (320 px). */}
        <div className="min-w-0">
          <FormRecordSelect
            label="Time zone"
            meta={fields.timezone}
            none={`Workspace default (${workspaceTimezone})`}
            options={timezones.map((tz) => ({ id: tz, name: tz }))}
          />
        </div>
        <div className="sm:col-span-2">
          <SubmitButton>Save profile</SubmitButton>
        </div>
      </Form>
    </section>
  )
}
