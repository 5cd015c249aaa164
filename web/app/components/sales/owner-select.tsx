import { SelectField } from './select-field.tsx'

/** A bulk form's new owner (reassign), for managers and admins. */
export function OwnerSelect({ members }: { members: { id: string; name: string | null; email?: string }[] }) {
  return (
    <SelectField label="New owner (reassign)" name="assignedUserId" id="bulk-owner" defaultValue="">
      <option value="">—</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name ?? m.email}
        </option>
      ))}
    </SelectField>
  )
}
