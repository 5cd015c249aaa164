// Sensitive operations (pricing, export, process deletion) answer 403 `step_up_required` until this session
// verified an emailed code (NFR-S8). `withStepUp` wraps such an operation in an action as a plain no-JS
// form flow: refused → we ask the API to email a code and show the code step (carrying the form's values
// in hidden fields) → the code comes back with those values → verify, then run the operation again.
import type { Submission } from '@conform-to/react'
import { type AppLoadContext, data } from '@remix-run/node'
import type { StepUpResult } from '~/components/step-up.tsx'
import { type ApiClient, apiClient, type ProblemSource, readProblem } from './api.server.ts'
import { refusal } from './forms.server.ts'

export type { StepUpResult }

/** The form field that carries the emailed code; everything else in the form is the operation's input. */
export const STEP_UP_CODE = 'stepUpCode'

/** The emailed code if this submission carries one. */
export function stepUpCode(form: FormData): string | undefined {
  const code = form.get(STEP_UP_CODE)
  return typeof code === 'string' ? code : undefined
}

/** The form's text fields but the code: what the code step carries in hidden fields. */
function carriedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string' && key !== STEP_UP_CODE) values[key] = value
  return values
}

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

/** The typed client's answer narrowed to its 2xx shapes (their `ok` is the literal true). */
function succeeded<R extends ApiAnswer>(res: R): res is Extract<R, { ok: true }> {
  return res.ok
}

/**
 * Runs `operation` (one API call) for a form the schema accepted; `onDone` turns its success into the
 * action's answer (a redirect). A 4xx other than step-up comes back as the form's Conform reply.
 */
export async function withStepUp<R extends ApiAnswer>(
  request: Request,
  context: AppLoadContext,
  form: FormData,
  submission: Submission<unknown>,
  operation: () => Promise<R>,
  onDone: (res: Extract<R, { ok: true }>) => Promise<Response> | Response,
) {
  const values = carriedValues(form)
  const code = stepUpCode(form)
  const api = apiClient(request, context)
  if (code !== undefined) {
    const codeError = await verifyCode(api, code)
    if (codeError) return data<StepUpResult>({ stepUp: { values, codeError } }, { status: 400 })
  }
  const res = await operation()
  if (succeeded(res)) return onDone(res)
  if (!(await isStepUpRefusal(res))) return refusal(submission, res)
  const formError = (await sendCode(api)) ?? undefined
  return data<StepUpResult>({ stepUp: { values, ...(formError ? { formError } : {}) } }, { status: 403 })
}
