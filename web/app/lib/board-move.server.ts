// A board move, the one implementation behind both ways in: the board's own form (no JavaScript: the
// action redirects with a flash) and public/board.js's fetch (drag and drop, the Move form sent in place:
// the JSON resource route resources.board-move). The API checks the ids and a stage's required fields.
import type { AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { fieldLabels } from '~/components/sales/stage-select.tsx'
import { apiClient, readProblem } from './api.server.ts'

/**
 * What a move answers. `moveError` names the fields a stage requires (F11.7), as the API calls them and,
 * in `labels`, as the card says them ("Close date, Contact"), so board.js needs no label table of its own.
 */
export interface MoveResult {
  ok?: boolean
  dealId: string
  stageName?: string
  moveError?: { title: string; fields: string[]; labels: string }
}

const ZBoardMove = z.object({
  dealId: z.string(),
  stageId: z.string(),
  /** The board to go back to (no JavaScript); the deal's own process when absent. */
  processId: z.string().optional(),
})

const refusal = (dealId: string, title: string, fields: string[]): MoveResult => ({
  dealId,
  moveError: { title, fields, labels: fieldLabels(fields) },
})

/** Moves the posted deal to the posted stage; `status` is the API's (a 5xx reads as 502 Bad Gateway). */
export async function moveDeal(
  request: Request,
  context: AppLoadContext,
): Promise<{ result: MoveResult; status: number; processId?: string }> {
  const move = ZBoardMove.safeParse(Object.fromEntries(await request.formData()))
  if (!move.success)
    return { result: refusal('', 'Choose a deal and a stage', ['dealId', 'stageId']), status: 400 }
  const { dealId, stageId, processId } = move.data
  const res = await apiClient(request, context).deals[':id'].stage.$post({
    param: { id: dealId },
    json: { stageId },
  })
  if (res.ok) {
    const deal = await res.json()
    const result = { ok: true, dealId, stageName: deal.stageName }
    return { result, status: 200, processId: processId ?? deal.processId }
  }
  const p = await readProblem(res)
  const result = refusal(
    dealId,
    p.title,
    p.errors.map((e) => e.field),
  )
  return { result, status: p.status < 500 ? p.status : 502 }
}
