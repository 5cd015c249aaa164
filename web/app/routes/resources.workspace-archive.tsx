// The complete workspace archive download (ADR 0125), a resource route like /resources/export
// (lib/download.server.ts): step-up and a wrong code send the browser back to
// /settings/export?what=archive, which shows the code step posting here again.
import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { apiClient } from '~/lib/api.server.ts'
import { downloadWithStepUp } from '~/lib/download.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  return downloadWithStepUp(
    request,
    context,
    await request.formData(),
    'workspace archive',
    () => apiClient(request, context).workspace.archive.$get(),
    (step) => redirect(`/settings/export?${new URLSearchParams({ step, what: 'archive' })}`),
  )
}
