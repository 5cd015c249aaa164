// The settings area: admins see every section; managers the Users page only (ADR 0167); reps get the
// friendly 403. Each section is its own page under it and checks its own role (admin pages: requireAdmin).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { SettingsNav } from '~/components/settings/settings-nav.tsx'
import { requireSettingsMember } from '~/lib/require-admin.server.ts'
import { useMe } from './_app.tsx'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSettingsMember(request, context)
  return null
}

export default function Settings() {
  const { role } = useMe()
  return (
    <div className="flex flex-col gap-4">
      <SettingsNav role={role} />
      <Outlet />
    </div>
  )
}
