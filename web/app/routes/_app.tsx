// The workspace shell: every page under it needs a signed-in member of this workspace. Sections a role
// cannot use are not shown (the API refuses them anyway).
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useLocation, useRouteLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { FlashMessage } from '~/components/flash-message.tsx'
import { type NavItem, WorkspaceNav } from '~/components/workspace-nav.tsx'
import { apiClient } from '~/lib/api.server.ts'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { takeFlash } from '~/lib/flash.server.ts'
import { seesSettings } from '~/lib/member-access.ts'
import { siteFor } from '~/lib/site.server.ts'

async function requireMember(request: Request, context: LoaderFunctionArgs['context']) {
  if (siteFor(request, context.rootDomain).kind !== 'tenant') throw errorPage(404)
  const me = await requireUser(request, context)
  if (!me.tenant || !me.role) throw errorPage(403)
  return { ...me, tenant: me.tenant, role: me.role }
}

export type WorkspaceMe = Awaited<ReturnType<typeof requireMember>>

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The inbox's unread count beside the member check, not after it: one round trip for the shell. A count
  // that fails (the API busy) only leaves the badge out.
  const [me, unread] = await Promise.all([
    requireMember(request, context),
    apiClient(request, context)
      .notifications['unread-count'].$get()
      .then(async (r) => (r.ok ? await r.json() : null))
      .catch(() => null),
  ])
  // The confirmation an action left for this page, shown once (lib/flash.server.ts).
  const flash = await takeFlash(request)
  return data({ me, unread, flash: flash.message }, flash.headers ? { headers: flash.headers } : undefined)
}

/** The signed-in member, for any route inside the workspace shell. */
export function useMe(): WorkspaceMe {
  const data = useRouteLoaderData<typeof loader>('routes/_app')
  if (!data) throw new Error('useMe outside the workspace shell')
  return data.me
}

function navFor(role: WorkspaceMe['role']): NavItem[] {
  const items: NavItem[] = [
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/deals', label: 'Deals' },
    { to: '/board', label: 'Board' },
    { to: '/insight', label: 'Insight' },
    { to: '/contacts', label: 'Contacts' },
    { to: '/organizations', label: 'Organizations' },
    { to: '/duplicates', label: 'Duplicates' },
    { to: '/products', label: 'Products' },
  ]
  // Admins: every settings section; managers: the Users page (/settings takes them there, ADR 0167).
  if (seesSettings(role)) items.push({ to: '/settings', label: 'Settings' })
  return items
}

/**
 * The flash belongs to the page it was loaded with. With JavaScript, moving to another page does not run
 * this loader again, so the message is tied to the location of the load that brought it.
 */
function useFlash(loaded: { flash: string | null }): { message: string | null; key: string } {
  const { key } = useLocation()
  const [shown, setShown] = useState({ loaded, key })
  if (shown.loaded !== loaded) setShown({ loaded, key })
  return { message: shown.loaded === loaded && shown.key !== key ? null : loaded.flash, key }
}

export default function WorkspaceShell() {
  const loaded = useLoaderData<typeof loader>()
  const { me } = loaded
  const flash = useFlash(loaded)
  return (
    <>
      <WorkspaceNav
        workspace={me.tenant.companyName}
        items={navFor(me.role)}
        userName={me.name ?? me.email}
        unread={loaded.unread}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <FlashMessage key={flash.key} message={flash.message} />
        <Outlet />
      </main>
    </>
  )
}
