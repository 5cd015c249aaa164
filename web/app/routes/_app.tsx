// The workspace shell: every page under it needs a signed-in member of this workspace. Sections a role
// cannot use are not shown (the API refuses them anyway).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { type NavItem, WorkspaceNav } from '~/components/workspace-nav.tsx'
import { requireUser } from '~/lib/auth.server.ts'
import { errorPage } from '~/lib/errors.server.ts'
import { siteFor } from '~/lib/site.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (siteFor(request, context.rootDomain).kind !== 'tenant') throw errorPage(404)
  const me = await requireUser(request, context)
  if (!me.tenant || !me.role) throw errorPage(403)
  return { me: { ...me, tenant: me.tenant, role: me.role } }
}

export type WorkspaceMe = Awaited<ReturnType<typeof loader>>['me']

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
    { to: '/contacts', label: 'Contacts' },
    { to: '/organizations', label: 'Organizations' },
    { to: '/products', label: 'Products' },
  ]
  if (role === 'admin') items.push({ to: '/settings', label: 'Settings' })
  return items
}

export default function WorkspaceShell() {
  const { me } = useLoaderData<typeof loader>()
  return (
    <>
      <WorkspaceNav
        workspace={me.tenant.companyName}
        items={navFor(me.role)}
        userName={me.name ?? me.email}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <Outlet />
      </main>
    </>
  )
}
