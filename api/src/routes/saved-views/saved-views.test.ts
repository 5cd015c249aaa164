// Saved views (issue 13): a user's named filters of the deals list, private to them, checked as the list
// checks its query.
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  call,
  fields,
  send,
  type TestApi,
  type Workspace,
  ZNoContent,
  ZRefusal,
} from '../../../test/fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'
import { MAX_VIEWS_PER_LIST } from '../../services/saved-views/saved-views.inputs.ts'
import { ZSavedView } from './saved-views.routes.ts'

const ZViews = z.object({ data: z.array(ZSavedView) })

describe('saved views', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const viewsOf = async (w: Workspace, who: Workspace['rep']) =>
    (await call(w, who, '/saved-views?list=deals', undefined, ZViews)).body.data
  const save = (w: Workspace, who: Workspace['rep'], body: unknown) =>
    call(w, who, '/saved-views', send('POST', body), ZSavedView.or(ZRefusal))

  it('a member saves the list’s filters under a name and reads them back, by name', async () => {
    const stageId = ws.defaults.defaultProcess.stages[0]?.id
    const a = await save(ws, ws.rep, {
      list: 'deals',
      name: 'Open, closing in Q4',
      filters: {
        status: 'open',
        closeDateFrom: '2026-10-01',
        closeDateTo: '2026-12-31',
        minProbability: '50',
      },
    })
    expect(a.status).toBe(201)
    // Numbers are kept as the list reads them (the query's coercion), dates as given.
    expect(a.body).toMatchObject({
      name: 'Open, closing in Q4',
      filters: { minProbability: 50, status: 'open' },
    })
    await save(ws, ws.rep, { list: 'deals', name: 'a first stage', filters: { stageId, sort: 'amount' } })
    expect((await viewsOf(ws, ws.rep)).map((v) => v.name)).toEqual(['a first stage', 'Open, closing in Q4'])
  })

  it('views are private: another member, even an admin, neither lists nor changes nor deletes them', async () => {
    const mine = await save(ws, ws.manager, { list: 'deals', name: 'Mine', filters: { status: 'won' } })
    const id = (mine.body as { id: string }).id
    expect((await viewsOf(ws, ws.admin)).map((v) => v.name)).not.toContain('Mine')
    expect(
      (await call(ws, ws.admin, `/saved-views/${id}`, send('PATCH', { name: 'X' }), ZRefusal)).status,
    ).toBe(404)
    expect((await call(ws, ws.rep, `/saved-views/${id}`, send('DELETE'), ZRefusal)).status).toBe(404)
    expect((await call(other, other.admin, `/saved-views/${id}`, send('DELETE'), ZRefusal)).status).toBe(404)
    expect((await viewsOf(ws, ws.manager)).map((v) => v.name)).toEqual(['Mine'])
  })

  it('filters are checked as the list checks them; unknown filters and paging are refused by name', async () => {
    const bad = async (filters: unknown) =>
      fields((await save(ws, ws.rep, { list: 'deals', name: 'B', filters })).body as never)
    expect(await bad({ status: 'pending' })).toEqual(['filters.status'])
    expect(await bad({ minProbability: 101 })).toEqual(['filters.minProbability'])
    expect(await bad({ cursor: 'abc' })).toEqual(['filters.cursor'])
    expect(await bad({ colour: 'red' })).toEqual(['filters.colour'])
    expect(
      fields((await save(ws, ws.rep, { list: 'contacts', name: 'B', filters: {} })).body as never),
    ).toEqual(['list'])
    expect(fields((await save(ws, ws.rep, { list: 'deals', name: ' ', filters: {} })).body as never)).toEqual(
      ['name'],
    )
  })

  it('a name is used once per user (any case); another user may use it too', async () => {
    await save(ws, ws.admin, { list: 'deals', name: 'Big ones', filters: { minProbability: 80 } })
    const again = await save(ws, ws.admin, { list: 'deals', name: 'BIG ONES', filters: {} })
    expect(again.status).toBe(422)
    expect(fields(again.body as never)).toEqual(['name'])
    expect((await save(ws, ws.manager, { list: 'deals', name: 'Big ones', filters: {} })).status).toBe(201)
  })

  it('renaming and replacing filters; deleting', async () => {
    const v = await save(ws, ws.rep, { list: 'deals', name: 'Temp', filters: { status: 'lost' } })
    const id = (v.body as { id: string }).id
    const clash = await call(
      ws,
      ws.rep,
      `/saved-views/${id}`,
      send('PATCH', { name: 'a FIRST stage' }),
      ZRefusal,
    )
    expect([clash.status, fields(clash.body as never)]).toEqual([422, ['name']])
    const renamed = await call(
      ws,
      ws.rep,
      `/saved-views/${id}`,
      send('PATCH', { name: 'Lost last year', filters: { status: 'lost', closeDateTo: '2025-12-31' } }),
      ZSavedView,
    )
    expect(renamed.body).toMatchObject({
      name: 'Lost last year',
      filters: { status: 'lost', closeDateTo: '2025-12-31' },
    })
    expect((await call(ws, ws.rep, `/saved-views/${id}`, send('DELETE'), ZNoContent)).status).toBe(204)
    expect((await viewsOf(ws, ws.rep)).map((v) => v.name)).not.toContain('Lost last year')
  })

  it(`a user keeps at most ${MAX_VIEWS_PER_LIST} views of a list`, async () => {
    const who = await ws.member('rep')
    for (let i = 0; i < MAX_VIEWS_PER_LIST; i++) {
      expect((await save(ws, who, { list: 'deals', name: `View ${i}`, filters: {} })).status).toBe(201)
    }
    const over = await save(ws, who, { list: 'deals', name: 'One more', filters: {} })
    expect([over.status, fields(over.body as never)]).toEqual([422, ['list']])
  })
})
