// The task intents a page answers (the dashboard's My day, deal and contact pages; ADR 0168): plan a next
// step, mark one done, reschedule one. Due times are typed as the reader's wall clock (datetime-local) and
// sent as instants, like "Log activity". Success redirects back with a flash; a refusal comes back as the
// form's Conform reply.
import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import type { ApiClient } from './api.server.ts'
import { redirectWithFlash } from './flash.server.ts'
import { invalid, parseForm, refusal } from './forms.server.ts'
import { ZTaskFields } from './inputs.server.ts'
import { workspaceLocale } from './records.server.ts'
import { localToIso } from './zoned-time.ts'

/** A datetime-local value in `timezone`, as an instant; required. */
const localDue = (timezone: string) =>
  z.string({ error: 'Pick a due date and time' }).transform((local, ctx) => {
    const instant = localToIso(local, timezone)
    if (instant === null) ctx.addIssue({ code: 'custom', message: 'Pick a due date and time' })
    return instant ?? ''
  })

export const planTaskForm = (timezone: string) =>
  ZTaskFields.pick({ type: true, subject: true, assigneeUserId: true, dealId: true, contactId: true }).extend(
    {
      dueAt: localDue(timezone),
    },
  )
export type PlanTaskValues = z.input<ReturnType<typeof planTaskForm>>

const ZTaskId = z.object({ taskId: z.uuid() })
export const rescheduleTaskForm = (timezone: string) => ZTaskId.extend({ dueAt: localDue(timezone) })
export type RescheduleTaskValues = z.input<ReturnType<typeof rescheduleTaskForm>>

/** Answers a task intent, returning to `back`; null for any other intent. */
export async function taskIntent(
  request: Request,
  context: AppLoadContext,
  { api, form, back }: { api: ApiClient; form: FormData; back: string },
) {
  const zone = async () => (await workspaceLocale(api, request, context)).timezone
  switch (form.get('intent')) {
    case 'plan-task': {
      const s = parseForm(form, planTaskForm(await zone()))
      if (s.status !== 'success') return invalid(s)
      const res = await api.tasks.$post({ json: s.value })
      return res.ok ? redirectWithFlash(request, back, 'task.planned') : refusal(s, res)
    }
    case 'complete-task': {
      const s = parseForm(form, ZTaskId)
      if (s.status !== 'success') return invalid(s)
      const res = await api.tasks[':id'].complete.$post({ param: { id: s.value.taskId } })
      if (!res.ok) return refusal(s, res)
      return redirectWithFlash(request, back, 'task.done', (await res.json()).subject)
    }
    case 'reschedule-task': {
      const s = parseForm(form, rescheduleTaskForm(await zone()))
      if (s.status !== 'success') return invalid(s)
      const { taskId, dueAt } = s.value
      const res = await api.tasks[':id'].$patch({ param: { id: taskId }, json: { dueAt } })
      return res.ok ? redirectWithFlash(request, back, 'task.rescheduled') : refusal(s, res)
    }
    default:
      return null
  }
}
