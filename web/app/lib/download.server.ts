// A download behind step-up (the export and the workspace archive): the answer is the file itself,
// streamed from the API. A page action cannot hand the browser a file, so the settings page posts to a
// resource route; when the API wants step-up (or the code was wrong) the route sends the browser back to
// the page (`back(step)`), which shows the code step posting here again.
import type { AppLoadContext } from '@remix-run/node'
import { apiClient, readProblem } from './api.server.ts'
import { type ApiAnswer, isStepUpRefusal, sendCode, stepUpCode, verifyCode } from './step-up.server.ts'

/** What a file answer keeps from the API's headers. */
const PASSED_ON = ['content-type', 'content-disposition', 'cache-control', 'x-content-type-options']

export async function downloadWithStepUp(
  request: Request,
  context: AppLoadContext,
  form: FormData,
  what: string,
  fetchFile: () => Promise<ApiAnswer & { body: ReadableStream | null; headers: Headers }>,
  back: (step: 'wrong' | 'sent' | 'failed') => Response,
): Promise<Response> {
  const api = apiClient(request, context)
  const code = stepUpCode(form)
  if (code !== undefined && (await verifyCode(api, code))) return back('wrong')
  const res = await fetchFile()
  if (res.ok) {
    const headers = new Headers()
    for (const h of PASSED_ON) {
      const v = res.headers.get(h)
      if (v) headers.set(h, v)
    }
    return new Response(res.body, { status: 200, headers })
  }
  if (await isStepUpRefusal(res)) return back((await sendCode(api)) ? 'failed' : 'sent')
  context.log.warn(`${what} refused`, { status: res.status, code: (await readProblem(res)).code })
  return back('failed')
}
