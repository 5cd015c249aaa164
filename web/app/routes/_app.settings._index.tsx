import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requireAdmin } from '~/lib/require-admin.server.ts'

/** /settings opens its first section (after the admin check, so others see the 403, not a redirect). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context)
  return redirect('/settings/workspace')
}

// A component makes this a page route: a loader-only route is a resource route, and a resource route that
// throws the 403 answers Remix's bare JSON error instead of the friendly page.
export default function SettingsIndex() {
  return null
}
