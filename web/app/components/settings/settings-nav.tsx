import { NavLink } from '@remix-run/react'
import { settingsSectionsFor } from '~/lib/member-access.ts'

const SECTIONS = [
  { to: '/settings/workspace', label: 'Workspace' },
  { to: '/settings/users', label: 'Users' },
  { to: '/settings/processes', label: 'Processes' },
  { to: '/settings/custom-fields', label: 'Custom fields' },
  { to: '/settings/audit-log', label: 'Audit log' },
  { to: '/settings/export', label: 'Export' },
] as const

const link = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 shrink-0 items-center rounded-md px-3 text-sm font-medium focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${
    isActive
      ? 'bg-white text-indigo-800 shadow-sm ring-1 ring-slate-200'
      : 'text-slate-700 hover:bg-slate-100'
  }`

/**
 * The settings sections the role may open (a manager: Users only); on a phone they wrap onto a second row
 * (all six stay in sight, none scrolls away).
 */
export function SettingsNav({ role }: { role: 'admin' | 'manager' | 'rep' }) {
  return (
    <nav aria-label="Settings" className="flex flex-wrap gap-1 pb-1">
      {settingsSectionsFor(role, SECTIONS).map((s) => (
        <NavLink key={s.to} to={s.to} className={link}>
          {s.label}
        </NavLink>
      ))}
    </nav>
  )
}
