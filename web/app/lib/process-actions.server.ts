// What the process editor's forms do, one API call each (the reorder reads the current order first). Each
// form is parsed with the API's own schema (settings-forms.server.ts); success redirects back with a flash
// (Post/Redirect/Get) and a refusal comes back as that form's Conform reply (ADR 0150).
import type { Submission } from '@conform-to/react'
import { type AppLoadContext, data } from '@remix-run/node'
import { type ApiClient, apiClient, type ProblemSource } from './api.server.ts'
import { type FlashKey, redirectWithFlash } from './flash.server.ts'
import { type FormReply, invalid, parseForm, refusal } from './forms.server.ts'
import {
  ZAddReasonForm,
  ZAddStageForm,
  ZArchiveReasonForm,
  ZDeleteStageForm,
  ZIntentOnly,
  ZMoveStageForm,
  ZRenameProcessForm,
  ZStageForm,
} from './settings-forms.server.ts'
import { withStepUp } from './step-up.server.ts'

export async function processAction(request: Request, context: AppLoadContext, id: string) {
  const form = await request.formData()
  const api = apiClient(request, context, form)
  const process = api.processes[':id']
  const param = { id }
  const back = (done: FlashKey) => redirectWithFlash(request, `/settings/processes/${id}`, done)
  const settle = async (s: Submission<unknown>, res: ProblemSource & { ok: boolean }, done: FlashKey) =>
    res.ok ? back(done) : refusal(s, res)
  const intent = form.get('intent')
  switch (intent) {
    case 'rename': {
      const s = parseForm(form, ZRenameProcessForm)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await process.$patch({ param, json: s.value }), 'process.saved')
    }
    case 'default': {
      const s = parseForm(form, ZIntentOnly)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await process.$patch({ param, json: { isDefault: true } }), 'process.default')
    }
    case 'archive':
    case 'unarchive': {
      const s = parseForm(form, ZIntentOnly)
      if (s.status !== 'success') return invalid(s)
      const archived = intent === 'archive'
      const res = await process.$patch({ param, json: { archived } })
      return settle(s, res, archived ? 'process.archived' : 'process.unarchived')
    }
    case 'delete': {
      // Deleting a process is a sensitive operation (NFR-S8): the API may first ask for the emailed code.
      const s = parseForm(form, ZIntentOnly)
      if (s.status !== 'success') return invalid(s)
      return withStepUp(
        request,
        context,
        form,
        s,
        async () => await process.$delete({ param }),
        () => redirectWithFlash(request, '/settings/processes', 'process.deleted'),
      )
    }
    case 'add-stage': {
      const s = parseForm(form, ZAddStageForm)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await process.stages.$post({ param, json: s.value }), 'stage.added')
    }
    case 'stage': {
      const s = parseForm(form, ZStageForm)
      if (s.status !== 'success') return invalid(s)
      const { stageId, ...json } = s.value
      return settle(
        s,
        await process.stages[':stageId'].$patch({ param: { id, stageId }, json }),
        'stage.saved',
      )
    }
    case 'move': {
      const s = parseForm(form, ZMoveStageForm)
      if (s.status !== 'success') return invalid(s)
      const res = await moveStage(api, id, s.value.stageId, s.value.direction)
      // No answer: the stage is already first (or last), nothing to do.
      return res ? settle(s, res, 'stage.moved') : back('stage.moved')
    }
    case 'delete-stage': {
      const s = parseForm(form, ZDeleteStageForm)
      if (s.status !== 'success') return invalid(s)
      const { stageId, ...query } = s.value
      return settle(
        s,
        await process.stages[':stageId'].$delete({ param: { id, stageId }, query }),
        'stage.deleted',
      )
    }
    case 'add-reason': {
      const s = parseForm(form, ZAddReasonForm)
      if (s.status !== 'success') return invalid(s)
      return settle(s, await process['lost-reasons'].$post({ param, json: s.value }), 'reason.added')
    }
    case 'archive-reason': {
      const s = parseForm(form, ZArchiveReasonForm)
      if (s.status !== 'success') return invalid(s)
      const res = await process['lost-reasons'][':reasonId'].$delete({
        param: { id, reasonId: s.value.reasonId },
      })
      return settle(s, res, 'reason.archived')
    }
    default: {
      const s = parseForm(form, ZIntentOnly)
      return data<FormReply>(s.reply({ formErrors: ['Unknown action'] }), { status: 400 })
    }
  }
}

/** Swaps a stage with its neighbour and sends the whole order (the API wants a permutation). */
export async function moveStage(api: ApiClient, id: string, stageId: string, direction: 'up' | 'down') {
  const current = await api.processes[':id'].$get({ param: { id } })
  if (current.status !== 200) return current
  const ids = (await current.json()).stages.map((s) => s.id)
  const at = ids.indexOf(stageId)
  const to = direction === 'up' ? at - 1 : at + 1
  const [moving, neighbour] = [ids[at], ids[to]]
  if (at < 0 || moving === undefined || neighbour === undefined) return null
  ids[at] = neighbour
  ids[to] = moving
  return api.processes[':id'].stages.reorder.$post({ param: { id }, json: { stageIds: ids } })
}
