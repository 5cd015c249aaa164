// Sensitive operations (pricing, export, process deletion) answer 403 `step_up_required` until this session
// verified an emailed code (NFR-S8). `withStepUp` wraps such an operation in an action as a plain no-JS
// form flow: refused → we ask the API to email a code and show the code step (carrying the form's values
// in hidden fields) → the code comes back with those values → verify, then run the operation again.
import { type AppLoadContext, data } from '@remix-run/node'
import { apiClient, readProblem } from './api.server.ts'
import { formFailure } from './forms.server.ts'

/** The form field that carries the emailed code; everything else in the form is the operation's input. */
export const STEP_UP_CODE = 'stepUpCode'

import type { StepUpResult } from '~/components/step-up.tsx'

export type { StepUpResult }

async function isStepUpRefusal(res: Response): Promise<boolean> {
  if (res.status !== 403) return false
  return (await readProblem(res.clone())).code === 'step_up_required'
}

/**
 * Runs `operation` (one API call); `onDone` turns its success into the action's answer (a redirect).
 * A 4xx other than step-up becomes the usual form failure.
 */
export async function withStepUp(
  request: Request,
  context: AppLoadContext,
  values: Record<string, string>,
  operation: () => Promise<Response>,
  onDone: (res: Response) => Promise<Response> | Response,
) {
  const { [STEP_UP_CODE]: code, ...input } = values
  const api = apiClient(request, context)
  if (code !== undefined) {
    const verified = await api.auth['step-up'].verify.$post({ json: { code } })
    if (verified.status !== 200) {
      const problem = await readProblem(verified as unknown as Response)
      const codeError = problem.errors.find((e) => e.field === 'code')?.message ?? problem.title
      return data<StepUpResult>({ stepUp: { values: input, codeError } }, { status: 400 })
    }
  }
  const res = await operation()
  if (res.ok) return onDone(res)
  if (!(await isStepUpRefusal(res))) return formFailure(res, input)
  const sent = await api.auth['step-up'].$post()
  if (sent.status !== 202) {
    const problem = await readProblem(sent as unknown as Response)
    return data<StepUpResult>({ stepUp: { values: input, formError: problem.title } }, { status: 403 })
  }
  return data<StepUpResult>({ stepUp: { values: input } }, { status: 403 })
}
