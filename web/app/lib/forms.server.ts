// Forms post plain HTML (they work without JavaScript). An action parses the form with Conform against the
// API's own zod input schema (the rules live in one place), answers a bad form with `submission.reply()`,
// and maps an API refusal (problem+json) back onto the form's fields by their full path (ADR 0150).
import type { Submission, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { $ZodType } from 'zod/v4/core'
import { type FieldProblem, type Problem, type ProblemSource, readProblem } from './api.server.ts'
import { coerceFormValue, formMessages } from './forms.ts'

/** What an action answers a refused form with; a page hands it to `useForm({ lastResult })`. */
export type FormReply = SubmissionResult<string[]>

/** Parses a submitted form against an input schema (the API's, or one derived from it). */
export function parseForm<Schema extends $ZodType>(form: FormData, schema: Schema) {
  return parseWithZod(form, {
    schema: coerceFormValue(schema),
    disableAutoCoercion: true,
    error: formMessages,
  })
}

/** Fields never sent back to the browser with the typed values. */
function secretFields(payload: Record<string, unknown>): string[] {
  return Object.keys(payload).filter((k) => /password/i.test(k))
}

/** A form the schema refused: the typed values and the messages, status 400. */
export function invalid(submission: Submission<unknown>) {
  return data<FormReply>(submission.reply({ hideFields: secretFields(submission.payload) }), { status: 400 })
}

/** The API's `a.0.b` as the form's `a[0].b`. */
export function fieldPath(apiField: string): string {
  return apiField
    .split('.')
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('')
}

function submitted(payload: Record<string, unknown>, path: string): boolean {
  let at: unknown = payload
  for (const key of path.split(/[.[\]]+/).filter(Boolean)) {
    if (typeof at !== 'object' || at === null || !(key in at)) return false
    at = (at as Record<string, unknown>)[key]
  }
  return true
}

/**
 * The reply for an API refusal: each field error on its full path (`customFields.amount` stays on that
 * field), the title as the form's message; an error about a field the form did not send is added to the
 * form's messages too, so it is never silently dropped.
 */
export function replyWithProblem(
  submission: Submission<unknown>,
  problem: Problem & { errors: FieldProblem[] },
): FormReply {
  const fieldErrors: Record<string, string[]> = {}
  const formErrors = [problem.title]
  for (const e of problem.errors) {
    const path = fieldPath(e.field)
    fieldErrors[path] = [...(fieldErrors[path] ?? []), e.message]
    if (!submitted(submission.payload, path)) formErrors.push(`${e.message} (${e.field})`)
  }
  return submission.reply({ formErrors, fieldErrors, hideFields: secretFields(submission.payload) })
}

/** An API refusal as the action's answer: 4xx keeps the API's status, anything else is a 502. */
export async function refusal(submission: Submission<unknown>, res: ProblemSource) {
  const problem = await readProblem(res)
  const status = problem.status >= 400 && problem.status < 500 ? problem.status : 502
  return data<FormReply>(replyWithProblem(submission, problem), { status })
}
