// The export download (a resource route: its answer is the file itself, streamed from the API). A page
// action cannot hand the browser a file, so /settings/export posts here; when the API wants step-up (or
// the code was wrong) this sends the browser back to /settings/export, which shows the code step.
import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { EXPORT_ENTITIES } from '~/lib/export-entities.ts'
import { formValues } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { isStepUpRefusal, STEP_UP_CODE, sendCode, verifyCode } from '~/lib/step-up.server.ts'

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const api = apiClient(request, context)
  const entity = EXPORT_ENTITIES.find((e) => e === values.entity)
  const back = (step: string) =>
    redirect(`/settings/export?${new URLSearchParams({ step, ...(entity ? { entity } : {}) })}`)
  const code = values[STEP_UP_CODE]
  if (code !== undefined && (await verifyCode(api, code))) return back('wrong')
  const res = await api.export.$get({
    query: entity ? { format: 'csv', entity } : { format: 'json' },
  })
  if (res.ok) {
    const headers = new Headers()
    for (const h of ['content-type', 'content-disposition']) {
      const v = res.headers.get(h)
      if (v) headers.set(h, v)
    }
    return new Response(res.body, { status: 200, headers })
  }
  if (await isStepUpRefusal(res)) return back((await sendCode(api)) ? 'failed' : 'sent')
  context.log.warn('export refused', { status: res.status, code: (await readProblem(res)).code })
  return back('failed')
}
