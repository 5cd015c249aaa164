// One move, two answers (lib/board-move.server.ts): the board's action (a form sent without JavaScript)
// redirects to the board with a flash or gives the refusal back for the card; the resource route board.js
// posts to answers JSON with the API's status, the refusal's fields named as the card says them.
import { createDeal, createProcess } from '@aura/db/seed/index'
import type { ActionFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { routeHarness } from '../../test/route-harness.ts'
import { action as boardAction } from '../routes/_app.board.tsx'
import { action as moveAction } from '../routes/resources.board-move.tsx'

const h = routeHarness('board-move')

/** A process whose second stage requires a close date, and a deal without one in its first stage. */
async function dealBeforeAGate() {
  const { process, stages } = await createProcess(h.api.db, {
    tenantId: h.ws.tenant.id,
    stages: [
      { name: 'Open', winProbability: 10 },
      { name: 'Gate', winProbability: 50, requiredFields: ['closeDate'] },
      { name: 'Free', winProbability: 60 },
    ],
  })
  const [open, gate, free] = stages.map((s) => s.id)
  const deal = await createDeal(h.api.db, { tenantId: h.ws.tenant.id, processId: process.id, stageId: open })
  return { processId: process.id, dealId: deal.id, gate: gate ?? '', free: free ?? '' }
}

/** Runs `action` on a POST of `fields` from a signed-in manager, as Remix would. */
function post(
  action: (args: ActionFunctionArgs) => Promise<Response | unknown>,
  path: string,
  fields: object,
) {
  const request = new Request(`http://${h.ws.slug}.aura.test${path}`, {
    method: 'POST',
    headers: { cookie: h.ws.manager.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields as Record<string, string>),
  })
  return action({ request, context: h.context(), params: {} })
}

describe('a board move', { timeout: 120_000 }, () => {
  it('from board.js: JSON, the stage name when moved, the refusal with its labels and the API status', async () => {
    const { dealId, gate, free } = await dealBeforeAGate()
    const refused = (await post(moveAction, '/resources/board-move', { dealId, stageId: gate })) as Response
    expect(refused.status).toBe(422)
    expect(await refused.json()).toEqual({
      dealId,
      moveError: { title: expect.any(String), fields: ['closeDate'], labels: 'Close date' },
    })
    const moved = (await post(moveAction, '/resources/board-move', { dealId, stageId: free })) as Response
    expect(moved.status).toBe(200)
    expect(await moved.json()).toEqual({ ok: true, dealId, stageName: 'Free' })
    const unnamed = (await post(moveAction, '/resources/board-move', { stageId: free })) as Response
    expect(unnamed.status).toBe(400)
  })

  it('from the card’s form without JavaScript: the board again with a flash, or the refusal', async () => {
    const { processId, dealId, gate, free } = await dealBeforeAGate()
    const refused = await post(boardAction, '/board?move=x', { dealId, stageId: gate, processId })
    expect(refused).toMatchObject({
      data: { dealId, moveError: { labels: 'Close date' } },
      init: { status: 422 },
    })
    const moved = (await post(boardAction, '/board?move=x', { dealId, stageId: free, processId })) as Response
    expect(moved.status).toBe(302)
    expect(moved.headers.get('location')).toBe(`/board?process=${processId}`)
    expect(moved.headers.get('set-cookie')).toMatch(/\S/) // the flash
  })
})
