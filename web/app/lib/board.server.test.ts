// The board's data on the real API and database (in-process, as the web server calls it): a column shows
// its first page however many deals it holds, the whole board costs the same few API calls, and the
// "Show more" (a link, or board.js fetching the same page) shows one column from its cursor.
import { createLogger } from '@aura/api/lib/logger'
import { createDeal } from '@aura/db/seed/index'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../api/test/harness.ts'
import { createWorkspace } from '../../../api/test/workspace.ts'
import '../load-context.ts'
import { COLUMN_PAGE, FIRST_PAGE, loadBoard } from './board.server.ts'

type TestApi = Awaited<ReturnType<typeof createTestApi>>
type Workspace = Awaited<ReturnType<typeof createWorkspace>>

describe('board data', () => {
  let api: TestApi
  let ws: Workspace
  const PROSPECTS = FIRST_PAGE + COLUMN_PAGE + 2
  const calls: string[] = []

  beforeAll(async () => {
    api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '100000' })
    ws = await createWorkspace(api)
    const [prospect, qualified] = ws.defaults.defaultProcess.stages
    for (let i = 0; i < PROSPECTS; i++)
      await createDeal(api.db, {
        tenantId: ws.tenant.id,
        name: `Prospect ${i}`,
        stageId: prospect?.id,
        assignedUserId: ws.rep.id,
      })
    await createDeal(api.db, { tenantId: ws.tenant.id, name: 'Lonely', stageId: qualified?.id })
  }, 120_000)
  afterAll(() => api.close())

  const context = (): AppLoadContext => ({
    apiFetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      calls.push(new URL(request.url).pathname)
      return api.app.fetch(request)
    }) as typeof fetch,
    requestId: 'board-test-1',
    log: createLogger('error'),
    rootDomain: 'aura.test',
  })
  const page = (path: string) =>
    new Request(`http://${ws.slug}.aura.test${path}`, { headers: { cookie: ws.manager.cookie } })

  it('shows each column’s first page with the stage’s full count, in three API calls', async () => {
    calls.length = 0
    const board = await loadBoard(page('/board'), context())
    expect(calls.sort()).toEqual(['/api/v1/pipeline-summary', '/api/v1/processes', '/api/v1/users'])
    const [prospect, qualified, proposal] = board.columns
    expect(prospect).toMatchObject({ count: PROSPECTS, pagedFrom: null })
    expect(prospect?.cards.map((c) => c.name)).toEqual(
      Array.from({ length: FIRST_PAGE }, (_, i) => `Prospect ${PROSPECTS - 1 - i}`),
    )
    expect(prospect?.cards[0]?.owner).toMatch(/\S/)
    expect(prospect?.nextCursor).toEqual(expect.any(String))
    expect(qualified?.cards.map((c) => [c.name, c.owner])).toEqual([['Lonely', null]])
    expect(qualified?.nextCursor).toBeNull()
    expect(proposal).toMatchObject({ count: 0, cards: [], nextCursor: null })
  })

  it('continues a column from its cursor: the board at that cursor, the other columns from their start', async () => {
    const first = await loadBoard(page('/board'), context())
    const prospect = first.columns[0]
    const cursor = prospect?.nextCursor ?? ''
    calls.length = 0
    const paged = await loadBoard(
      page(
        `/board?process=${first.processId}&stage=${prospect?.stageId}&cursor=${encodeURIComponent(cursor)}`,
      ),
      context(),
    )
    expect(calls).toHaveLength(4)
    expect(paged.columns[0]?.pagedFrom).toBe(cursor)
    expect(paged.columns[0]?.cards.map((c) => c.name)).toEqual(
      Array.from({ length: COLUMN_PAGE }, (_, i) => `Prospect ${PROSPECTS - 1 - FIRST_PAGE - i}`),
    )
    expect(paged.columns[0]?.nextCursor).toEqual(expect.any(String))
    expect(paged.columns[1]?.cards.map((c) => c.name)).toEqual(['Lonely'])
  })
})
