// The complete workspace archive download (ADR 0125), a resource route like /resources/export: the answer
// is the file, streamed from the API. When the API wants step-up (or the code was wrong) the browser goes
// back to /settings/export?what=archive, which shows the code step posting here again.
import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { apiClient, readProblem } from '~/lib/api.server.ts'
import { formValues } from '~/lib/forms.server.ts'
import { requireAdmin } from '~/lib/require-admin.server.ts'
import { isStepUpRefusal, STEP_UP_CODE, sendCode, verifyCode } from '~/lib/step-up.server.ts'

const PASSED_ON = ['content-type', 'content-disposition', 'cache-control', 'x-content-type-options']

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context)
  const values = await formValues(request)
  const api = apiClient(request, context)
  const back = (step: string) =>
    redirect(`/settings/export?${new URLSearchParams({ step, what: 'archive' })}`)
  const code = values[STEP_UP_CODE]
  if (code !== undefined && (await verifyCode(api, code))) return back('wrong')
  const res = await api.workspace.archive.$get()
  if (res.ok) {
    const headers = new Headers()
    for (const h of PASSED_ON) {
      const v = res.headers.get(h)
      if (v) headers.set(h, v)
    }
    return new Response(res.body, { status: 200, headers })
  }
  if (await isStepUpRefusal(res)) return back((await sendCode(api)) ? 'failed' : 'sent')
  context.log.warn('workspace archive refused', { status: res.status, code: (await readProblem(res)).code })
  return back('failed')
}
