// A board move sent by public/board.js (drag and drop, or the card's Move form sent in place): the same
// move as the board's action, answered as JSON ({ok, dealId, stageName} or {dealId, moveError}) with the
// API's status, for the script to confirm the card or put it back with the refusal.
import type { ActionFunctionArgs } from '@remix-run/node'
import { moveDeal } from '~/lib/board-move.server.ts'

export async function action({ request, context }: ActionFunctionArgs) {
  const { result, status } = await moveDeal(request, context)
  return Response.json(result, { status })
}
