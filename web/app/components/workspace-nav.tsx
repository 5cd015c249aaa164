// The workspace's top bar. On a laptop: wordmark, every section, the inbox, the account. On a phone (below `sm`, 640 px)
// a row of six sections does not fit 320 px, and a bar that scrolls sideways hides half of them with no
// hint, so the bar shows the wordmark, the inbox (its unread count in sight), where you are, and a Menu that
// opens every section and the account.
// The menu is a <details> element: it opens and closes without JavaScript, and it is keyed by the path so
// a client-side navigation (JavaScript on) closes it the way a full page load does.
import { Form, NavLink, useLocation } from '@remix-run/react'

export interface NavItem {
  to: string
  label: string
}

const link = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 shrink-0 items-center rounded-md px-3 lg:px-2 text-sm font-medium ${
    isActive ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100'
  }`

const plainButton = 'min-h-11 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100'

/** The section the path is in (`/deals/123` is in Deals), for the phone bar's "where you are". */
export function currentSection(items: NavItem[], pathname: string): NavItem | undefined {
  return items.find((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
}

/** A GET form to the search page: works without JavaScript; Ctrl-K / "/" focus it (public/enhance.js). */
function SearchBox({ id, className }: { id: string; className: string }) {
  return (
    <Form method="get" action="/search" role="search" className={className}>
      <label htmlFor={id} className="sr-only">
        Search everything
      </label>
      <input
        id={id}
        name="q"
        type="search"
        placeholder="Search (Ctrl K)"
        className="min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base md:text-sm"
      />
    </Form>
  )
}

/** Quick add (issue 13): a new deal, contact or activity from any page, one tap from the bar. */
const QUICK_ADD: readonly NavItem[] = [
  { to: '/deals/new', label: 'New deal' },
  { to: '/contacts/new', label: 'New contact' },
  { to: '/activities/new', label: 'Log activity' },
]

/** The laptop's "New" menu: a <details> like the phone menu, so it opens without JavaScript. */
function QuickAdd({ pathname }: { pathname: string }) {
  return (
    <details key={pathname} className="relative">
      <summary
        className={`${plainButton} flex cursor-pointer list-none items-center font-medium text-indigo-700 [&::-webkit-details-marker]:hidden`}
      >
        + New
      </summary>
      <ul className="absolute right-0 z-30 mt-1 w-44 rounded-md border border-slate-200 bg-white p-1 shadow-md">
        {QUICK_ADD.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className={(s) => `${link(s)} w-full`}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </details>
  )
}

/**
 * The inbox (ADR 0169), with its unread count as a badge ("99+" past what the API counts). On a laptop the
 * word gives way to a bell (the word stays for screen readers), so the bar keeps to one line at 1280 px.
 */
function Inbox({ unread, compact }: { unread: Unread; compact: boolean }) {
  const count = unread?.count ?? 0
  return (
    <NavLink
      to="/notifications"
      className={(s) => `${link(s)} gap-1 ${compact ? 'px-2' : 'ml-auto sm:hidden'}`}
    >
      {compact && (
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path d="M10 2a5 5 0 0 0-5 5v2.6L3.3 13A1 1 0 0 0 4.2 14.5h11.6a1 1 0 0 0 .9-1.5L15 9.6V7a5 5 0 0 0-5-5Zm-2 14a2 2 0 0 0 4 0H8Z" />
        </svg>
      )}
      <span className={compact ? 'sr-only' : undefined}>Inbox</span>
      {count > 0 && (
        <span className="rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
          {unread?.more ? '99+' : count}
          <span className="sr-only"> unread</span>
        </span>
      )}
    </NavLink>
  )
}

type Unread = { count: number; more: boolean } | null

function Account({ userName }: { userName: string }) {
  return (
    <>
      <NavLink to="/profile" className={link}>
        <span className="max-w-48 truncate">{userName}</span>
      </NavLink>
      <Form method="post" action="/logout">
        <button type="submit" className={plainButton}>
          Log out
        </button>
      </Form>
    </>
  )
}

export function WorkspaceNav({
  workspace,
  items,
  userName,
  unread,
}: {
  workspace: string
  items: NavItem[]
  userName: string
  unread: Unread
}) {
  const { pathname } = useLocation()
  const here = currentSection(items, pathname)
  return (
    <header data-workspace-nav="" className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-x-3 px-4 py-2">
        <a
          href="/dashboard"
          className="flex min-h-11 min-w-0 items-center gap-2 font-semibold tracking-tight"
        >
          <span aria-hidden="true" className="inline-block size-6 shrink-0 rounded-md bg-indigo-600" />
          <span className="truncate">{workspace}</span>
        </a>
        <nav aria-label="Sections" className="hidden flex-1 flex-wrap gap-1 sm:flex">
          {items.map((item) => (
            <NavLink key={item.to} to={item.to} className={link} prefetch="intent">
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto hidden items-center gap-2 sm:flex">
          <QuickAdd pathname={pathname} />
          <SearchBox id="global-search" className="hidden w-40 md:block" />
          <NavLink to="/search" className={(s) => `${link(s)} md:hidden`}>
            Search
          </NavLink>
          <Inbox unread={unread} compact />
          <Account userName={userName} />
        </div>
        <Inbox unread={unread} compact={false} />
        <details key={pathname} data-phone-menu="" className="group sm:hidden">
          <summary
            className={`${plainButton} flex cursor-pointer list-none items-center gap-2 font-medium [&::-webkit-details-marker]:hidden`}
          >
            {here && <span className="text-indigo-800">{here.label}</span>}
            <span className="rounded-md border border-slate-300 px-2 py-1">
              <span className="group-open:hidden">Menu</span>
              <span className="hidden group-open:inline">Close</span>
            </span>
          </summary>
          <div className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white px-4 pb-3 shadow-md">
            <SearchBox id="menu-search" className="pt-2" />
            <nav aria-label="Sections" className="grid grid-cols-2 gap-1 py-2">
              {items.map((item) => (
                <NavLink key={item.to} to={item.to} className={link}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
            <nav aria-label="Quick add" className="grid grid-cols-2 gap-1 border-t border-slate-200 py-2">
              {QUICK_ADD.map((item) => (
                <NavLink key={item.to} to={item.to} className={link}>
                  + {item.label}
                </NavLink>
              ))}
            </nav>
            <div className="flex items-center justify-between gap-2 border-t border-slate-200 pt-2">
              <Account userName={userName} />
            </div>
          </div>
        </details>
      </div>
    </header>
  )
}
