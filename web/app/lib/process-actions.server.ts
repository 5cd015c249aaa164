// What the process editor's forms do, one API call each (the reorder reads the current order first).
import type { ApiClient } from './api.server.ts'

export type StageInput = {
  name: string
  kind: 'open' | 'won' | 'lost'
  winProbability: number
  requiredFields: ('amount' | 'closeDate' | 'contactId' | 'organizationId' | 'assignedUserId' | 'notes')[]
}

const KINDS = ['open', 'won', 'lost'] as const
const FIELDS = ['amount', 'closeDate', 'contactId', 'organizationId', 'assignedUserId', 'notes'] as const

/** The stage form → the API body; a non-number probability goes as -1 so the API names the field. */
export function stageInput(form: FormData): StageInput {
  const probability = String(form.get('winProbability') ?? '').trim()
  return {
    name: String(form.get('name') ?? ''),
    kind: KINDS.find((k) => k === form.get('kind')) ?? 'open',
    winProbability: /^\d+$/.test(probability) ? Number(probability) : -1,
    requiredFields: form.getAll('requiredFields').flatMap((f) => FIELDS.filter((k) => k === f)),
  }
}

/** Swaps a stage with its neighbour and sends the whole order (the API wants a permutation). */
export async function moveStage(api: ApiClient, id: string, stageId: string, direction: string) {
  const current = await api.processes[':id'].$get({ param: { id } })
  if (current.status !== 200) return current
  const ids = (await current.json()).stages.map((s) => s.id)
  const at = ids.indexOf(stageId)
  const to = direction === 'up' ? at - 1 : at + 1
  if (at < 0 || to < 0 || to >= ids.length) return null
  ;[ids[at], ids[to]] = [ids[to] as string, ids[at] as string]
  return api.processes[':id'].stages.reorder.$post({ param: { id }, json: { stageIds: ids } })
}
