import { Form, NavLink } from '@remix-run/react'

export interface NavItem {
  to: string
  label: string
}

const link = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 shrink-0 items-center rounded-md px-3 text-sm font-medium ${
    isActive ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100'
  }`

/** The workspace's top bar: wordmark, sections (scroll sideways on a phone), and the account menu. */
export function WorkspaceNav({
  workspace,
  items,
  userName,
}: {
  workspace: string
  items: NavItem[]
  userName: string
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 px-4 py-2">
        <a href="/dashboard" className="flex min-h-11 items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block size-6 rounded-md bg-indigo-600" />
          <span>{workspace}</span>
        </a>
        <nav
          aria-label="Sections"
          className="order-last -mx-4 flex w-full gap-1 overflow-x-auto px-4 sm:order-none sm:mx-0 sm:w-auto sm:flex-1 sm:px-0"
        >
          {items.map((item) => (
            <NavLink key={item.to} to={item.to} className={link} prefetch="intent">
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <NavLink to="/profile" className={link}>
            {userName}
          </NavLink>
          <Form method="post" action="/logout">
            <button
              type="submit"
              className="min-h-11 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100"
            >
              Log out
            </button>
          </Form>
        </div>
      </div>
    </header>
  )
}
