// Forms post plain HTML (they work without JavaScript); actions validate through the API and answer
// with the API's own field messages, so the rules live in one place (the API's zod schemas).
import { data } from '@remix-run/node'
import { readProblem } from './api.server.ts'

export interface FormResult {
  formError?: string
  fieldErrors?: Record<string, string>
  values?: Record<string, string>
}

/** The form's text fields; files and repeated names are not used by our forms. */
export async function formValues(request: Request): Promise<Record<string, string>> {
  const form = await request.formData()
  const values: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value
  return values
}

/** An API refusal as a 400/4xx action result the form can show next to each field. */
export async function formFailure(res: Response, values?: Record<string, string>) {
  const problem = await readProblem(res)
  const fieldErrors: Record<string, string> = {}
  for (const e of problem.errors) fieldErrors[e.field.split('.').at(-1) ?? e.field] ??= e.message
  const safeValues =
    values && Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)))
  return data<FormResult>(
    { formError: problem.title, fieldErrors, values: safeValues },
    { status: problem.status >= 400 && problem.status < 500 ? problem.status : 502 },
  )
}
