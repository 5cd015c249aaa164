// What the settings area offers each role (F4.1, ADR 0167): admins everything; managers the Users page,
// where they invite reps and deactivate reps; reps nothing. The API decides (canManageMember and the
// permission table); this only keeps a role from seeing controls it cannot use.
type Role = 'admin' | 'manager' | 'rep'

const ROLE_LABELS = { rep: 'Rep', manager: 'Manager', admin: 'Admin' } as const satisfies Record<Role, string>

/** Whether the role sees the settings area at all (managers: the Users page only). */
export const seesSettings = (role: Role) => role === 'admin' || role === 'manager'

/** Where /settings (and the navigation's Settings link) takes the role. */
export const settingsHome = (role: Role) => (role === 'admin' ? '/settings/workspace' : '/settings/users')

/** The settings sections the role may open. */
export function settingsSectionsFor<S extends { to: string }>(
  role: Role,
  sections: readonly S[],
): readonly S[] {
  if (role === 'admin') return sections
  return seesSettings(role) ? sections.filter((s) => s.to === '/settings/users') : []
}

/** The roles the member may invite, in the order the form offers them (a manager: Rep only). */
export function invitableRoles(role: Role): { value: Role; label: string }[] {
  const roles: Role[] = role === 'admin' ? ['rep', 'manager', 'admin'] : role === 'manager' ? ['rep'] : []
  return roles.map((value) => ({ value, label: ROLE_LABELS[value] }))
}

/** Only admins change roles (F4.2). */
export const changesRoles = (role: Role) => role === 'admin'

/** Admins deactivate anyone, managers reps only (never themselves: the page leaves that out). */
export const mayDeactivate = (role: Role, target: Role) =>
  role === 'admin' || (role === 'manager' && target === 'rep')
