// Members with a role select each (one small form per member; admins) and deactivation behind a
// confirmation (a <details> disclosure: works without JavaScript, and nothing happens on the first click);
// a manager sees roles as text and deactivation for reps only (ADR 0167).

import { buttonClass } from '~/components/ui/button.tsx'
import { ConfirmDisclosure } from '~/components/ui/confirm-disclosure.tsx'
import { changesRoles, mayDeactivate } from '~/lib/member-access.ts'
import { Form } from '../form.tsx'

interface Member {
  id: string
  email: string
  name: string | null
  role: 'admin' | 'manager' | 'rep'
  status: 'active' | 'deactivated'
}

/** `role`: the signed-in member's; an admin changes roles and deactivates anyone, a manager deactivates reps. */
export function MemberList({
  members,
  meId,
  role,
}: {
  members: Member[]
  meId: string
  role: Member['role']
}) {
  return (
    <ul className="mt-2 divide-y divide-slate-100">
      {members.map((m) => {
        const who = m.name ?? m.email
        return (
          <li key={m.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3 text-sm">
            <div className="min-w-0 flex-1 basis-56">
              <p className="font-medium break-words">{who}</p>
              <p className="break-all text-slate-600">
                {m.email}
                {m.status === 'deactivated' && ' · deactivated'}
              </p>
            </div>
            {m.status === 'active' && !changesRoles(role) && <p className="text-slate-600">{m.role}</p>}
            {m.status === 'active' && changesRoles(role) && (
              <Form method="post" className="flex items-center gap-2">
                <input type="hidden" name="intent" value="role" />
                <input type="hidden" name="userId" value={m.id} />
                <label htmlFor={`role-${m.id}`} className="sr-only">
                  Access for {who}
                </label>
                <select
                  id={`role-${m.id}`}
                  name="role"
                  defaultValue={m.role}
                  className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base"
                >
                  <option value="rep">Rep</option>
                  <option value="manager">Manager</option>
                  <option value="admin">Admin</option>
                </select>
                <button type="submit" className={buttonClass.secondary} aria-label={`Save access for ${who}`}>
                  Save
                </button>
              </Form>
            )}
            {m.status === 'active' && m.id !== meId && mayDeactivate(role, m.role) && (
              <ConfirmDisclosure summary={`Deactivate ${who}…`} className="w-full sm:w-auto">
                <input type="hidden" name="intent" value="deactivate" />
                <input type="hidden" name="userId" value={m.id} />
                <p>Their sessions and API tokens end at once; their records stay.</p>
                <button type="submit" className={buttonClass.danger}>
                  Yes, deactivate {who}
                </button>
              </ConfirmDisclosure>
            )}
          </li>
        )
      })}
    </ul>
  )
}
