// Sensitive operations (pricing, export, process deletion) answer 403 `step_up_required` until this session
// verified an emailed code (NFR-S8). `withStepUp` wraps such an operation in an action as a plain no-JS
// form flow: refused → we ask the API to email a code and show the code step (carrying the form's values
// in hidden fields) → the code comes back with those values → verify, then run the operation again.
import { type AppLoadContext, data } from '@remix-run/node'
import type { StepUpResult } from '~/components/step-up.tsx'
import { type ApiClient, apiClient, type ProblemSource, readProblem } from './api.server.ts'
import { formFailure } from './forms.server.ts'

export type { StepUpResult }

/** The form field that carries the emailed code; everything else in the form is the operation's input. */
export const STEP_UP_CODE = 'stepUpCode'

/** An API answer as the typed client returns it (a Response underneath). */
export interface ApiAnswer extends ProblemSource {
  ok: boolean
  clone(): ProblemSource
}

export async function isStepUpRefusal(res: ApiAnswer): Promise<boolean> {
  if (res.status !== 403) return false
  return (await readProblem(res.clone())).code === 'step_up_required'
}

/** Checks the emailed code for this session: null when verified, else the message for the code field. */
export async function verifyCode(api: ApiClient, code: string): Promise<string | null> {
  const verified = await api.auth['step-up'].verify.$post({ json: { code } })
  if (verified.status === 200) return null
  const problem = await readProblem(verified)
  return problem.errors.find((e) => e.field === 'code')?.message ?? problem.title
}

/** Asks the API to email a code: null when sent, else why not. */
export async function sendCode(api: ApiClient): Promise<string | null> {
  const sent = await api.auth['step-up'].$post()
  return sent.status === 202 ? null : (await readProblem(sent)).title
}

/**
 * Runs `operation` (one API call); `onDone` turns its success into the action's answer (a redirect).
 * A 4xx other than step-up becomes the usual form failure.
 */
export async function withStepUp<R extends ApiAnswer>(
  request: Request,
  context: AppLoadContext,
  values: Record<string, string>,
  operation: () => Promise<R>,
  onDone: (res: R) => Promise<Response> | Response,
) {
  const { [STEP_UP_CODE]: code, ...input } = values
  const api = apiClient(request, context)
  if (code !== undefined) {
    const codeError = await verifyCode(api, code)
    if (codeError) return data<StepUpResult>({ stepUp: { values: input, codeError } }, { status: 400 })
  }
  const res = await operation()
  if (res.ok) return onDone(res)
  if (!(await isStepUpRefusal(res))) return formFailure(res, input)
  const formError = (await sendCode(api)) ?? undefined
  return data<StepUpResult>(
    { stepUp: { values: input, ...(formError ? { formError } : {}) } },
    { status: 403 },
  )
}
