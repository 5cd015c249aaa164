// The deal page's form intents (and the activity and task ones it shares with contacts), each one API call; success redirects back (Post/Redirect/Get) and a
// refusal comes back as that form's Conform reply, errors on their fields (ADR 0150).
import type { Submission } from '@conform-to/react'
import { type AppLoadContext, data } from '@remix-run/node'
import { z } from 'zod'
import { activityIntent } from './activity-actions.server.ts'
import type { ProblemSource } from './api.server.ts'
import { apiClient } from './api.server.ts'
import {
  ZAddLineForm,
  ZAssignDealForm,
  ZDealAmountForm,
  ZDealDetailsForm,
  ZMoveDealForm,
  ZRemoveLineForm,
  ZUpdateLineForm,
} from './deal-form.server.ts'
import { type FlashKey, redirectWithFlash } from './flash.server.ts'
import { type FormReply, invalid, parseForm, refusal } from './forms.server.ts'
import { taskIntent } from './task-actions.server.ts'

export async function dealAction(request: Request, context: AppLoadContext, id: string) {
  const form = await request.formData()
  const api = apiClient(request, context, form)
  const back = `/deals/${id}`
  const answered =
    (await activityIntent(request, context, { api, form, back })) ??
    (await taskIntent(request, context, { api, form, back }))
  if (answered) return answered
  const deal = api.deals[':id']
  const param = { id }
  const settle = async (
    submission: Submission<unknown>,
    res: ProblemSource & { ok: boolean },
    flash: FlashKey,
  ) => (res.ok ? redirectWithFlash(request, `/deals/${id}`, flash) : refusal(submission, res))
  switch (form.get('intent')) {
    case 'move': {
      const s = parseForm(form, ZMoveDealForm)
      if (s.status !== 'success') return invalid(s)
      const res = await deal.stage.$post({ param, json: s.value })
      if (!res.ok) return refusal(s, res)
      const moved = await res.json()
      const flash = s.value.reopen
        ? 'deal.reopened'
        : moved.status === 'open'
          ? 'deal.moved'
          : (`deal.${moved.status}` as const)
      return redirectWithFlash(request, `/deals/${id}`, flash, moved.stageName)
    }
    case 'assign': {
      const s = parseForm(form, ZAssignDealForm)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await deal.$patch({ param, json: s.value }), 'deal.assigned')
    }
    case 'amount': {
      const s = parseForm(form, ZDealAmountForm)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await deal.$patch({ param, json: s.value }), 'deal.saved')
    }
    case 'update': {
      const s = parseForm(form, ZDealDetailsForm)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await deal.$patch({ param, json: s.value }), 'deal.saved')
    }
    case 'add-line': {
      const s = parseForm(form, ZAddLineForm)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await deal['line-items'].$post({ param, json: s.value }), 'deal.line-added')
    }
    case 'update-line': {
      const s = parseForm(form, ZUpdateLineForm)
      if (s.status !== 'success') return invalid(s)
      const { lineId, ...json } = s.value
      const res = await deal['line-items'][':lineId'].$patch({ param: { id, lineId }, json })
      return settle(s, res, 'deal.line-saved')
    }
    case 'remove-line': {
      const s = parseForm(form, ZRemoveLineForm)
      if (s.status !== 'success') return invalid(s)
      const res = await deal['line-items'][':lineId'].$delete({ param: { id, lineId: s.value.lineId } })
      return settle(s, res, 'deal.line-removed')
    }
    default: {
      const s = parseForm(form, z.object({}))
      return data<FormReply>(s.reply({ formErrors: ['Unknown action'] }), { status: 400 })
    }
  }
}
