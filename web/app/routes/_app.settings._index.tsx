import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { settingsHome } from '~/lib/member-access.ts'
import { requireSettingsMember } from '~/lib/require-admin.server.ts'

/**
 * /settings opens the role's first section: the workspace for admins, Users for managers (after the check,
 * so reps see the 403, not a redirect).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireSettingsMember(request, context)
  return redirect(settingsHome(me.role))
}

// A component makes this a page route: a loader-only route is a resource route, and a resource route that
// throws the 403 answers Remix's bare JSON error instead of the friendly page.
export default function SettingsIndex() {
  return null
}
