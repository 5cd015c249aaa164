// The settings area (admins only: others get the friendly 403). Each section is its own page under it.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { SettingsNav } from '~/components/settings/settings-nav.tsx'
import { requireAdmin } from '~/lib/require-admin.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  return null
}

export default function Settings() {
  return (
    <div className="flex flex-col gap-4">
      <SettingsNav />
      <Outlet />
    </div>
  )
}
