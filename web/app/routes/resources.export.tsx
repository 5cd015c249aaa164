// The export download (a resource route: the answer is the file; lib/download.server.ts). Step-up and a
// wrong code send the browser back to /settings/export, which shows the code step.
import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { apiClient } from '~/lib/api.server.ts'
import { downloadWithStepUp } from '~/lib/download.server.ts'
import { EXPORT_ENTITIES } from '~/lib/export-entities.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const form = await request.formData()
  const entity = EXPORT_ENTITIES.find((e) => e === form.get('entity'))
  return downloadWithStepUp(
    request,
    context,
    form,
    'export',
    () =>
      apiClient(request, context).export.$get({
        query: entity ? { format: 'csv', entity } : { format: 'json' },
      }),
    (step) => redirect(`/settings/export?${new URLSearchParams({ step, ...(entity ? { entity } : {}) })}`),
  )
}
