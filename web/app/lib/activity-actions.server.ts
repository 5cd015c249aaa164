// The activity intents a record page answers (contacts and deals, F10): log one on a contact, archive one.
// Both pages post the same forms (components/records/log-activity.tsx, timeline.tsx), parsed here once.
import type { AppLoadContext } from '@remix-run/node'
import { logActivityForm } from './activity-form.server.ts'
import { type ApiClient, readProblem } from './api.server.ts'
import { errorPage } from './errors.server.ts'
import { redirectWithFlash } from './flash.server.ts'
import { invalid, parseForm, refusal } from './forms.server.ts'
import { workspaceLocale } from './records.server.ts'

/**
 * Answers `log-activity` and `archive-activity`, returning to `back`; null for any other intent. The
 * contact is the page's (a contact page) or the form's `contactId` (a deal page, its contact preselected).
 */
export async function activityIntent(
  request: Request,
  context: AppLoadContext,
  {
    api,
    form,
    back,
    contactId,
  }: {
    api: ApiClient
    form: FormData
    /** Where to land: a path, or one given the contact the activity went to (quick add). */
    back: string | ((contactId: string) => string)
    contactId?: string
  },
) {
  const intent = form.get('intent')
  if (intent === 'archive-activity') {
    const activityId = form.get('activityId')
    const res = await api.activities[':id'].$delete({
      param: { id: typeof activityId === 'string' ? activityId : '' },
    })
    if (res.status === 204) return redirectWithFlash(request, landing(back, contactId), 'activity.archived')
    throw errorPage((await readProblem(res)).status === 403 ? 403 : 404)
  }
  if (intent !== 'log-activity') return null
  const { timezone } = await workspaceLocale(api, request, context)
  const submission = parseForm(form, logActivityForm(timezone, { withContact: !contactId }))
  if (submission.status !== 'success') return invalid(submission)
  const { contactId: chosen, ...json } = submission.value
  const on = contactId ?? chosen ?? ''
  const res = await api.contacts[':id'].activities.$post({ param: { id: on }, json })
  if (res.status !== 201) return refusal(submission, res)
  return redirectWithFlash(request, landing(back, on), 'activity.logged')
}

const landing = (back: string | ((contactId: string) => string), contactId = '') =>
  typeof back === 'string' ? back : back(contactId)
