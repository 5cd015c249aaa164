// Won, lost and reopened (issue 13): a lost deal says why, from its process's list that admins edit, and a
// closed deal goes back to an open stage only when asked to, audited as a reopening.
import { createProcess } from '@aura/db/seed/index'
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditOf,
  call,
  dealRow,
  fields,
  send,
  stage,
  type TestApi,
  type Workspace,
  ZDeal,
  ZNoContent,
  ZRefusal,
} from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'
import { ZLostReason } from '../processes/lost-reasons.routes.ts'

const ZReasons = z.object({ data: z.array(ZLostReason) })

describe('lost reasons and explicit reopening', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const processId = () => ws.defaults.defaultProcess.process.id
  const reasonsOf = async (w: Workspace, id: string) =>
    (await call(w, w.rep, `/processes/${id}/lost-reasons`, undefined, ZReasons)).body.data
  const newDeal = async () =>
    (await call(ws, ws.rep, '/deals', send('POST', { name: 'Deal', amount: '900.00' }), ZDeal)).body
  const move = (id: string, body: Record<string, unknown>) =>
    call(ws, ws.rep, `/deals/${id}/stage`, send('POST', body), ZDeal)

  it('every process starts with the default reasons, which every member reads', async () => {
    const labels = (await reasonsOf(ws, processId())).map((r) => r.label)
    expect(labels).toEqual(['Price', 'Chose a competitor', 'No budget', 'No decision', 'Timing'])
    // A process an admin creates later starts with them too.
    const created = await call(ws, ws.admin, '/processes', send('POST', { name: 'Partners' }), ZRefusal)
    expect(created.status).toBe(201)
    const later = (await reasonsOf(ws, (created.body as { id: string }).id)).map((r) => r.label)
    expect(later).toEqual(labels)
  })

  it('a deal lost for a reason keeps it; the reason must be its process’s and needs a lost stage', async () => {
    const [price] = await reasonsOf(ws, processId())
    const deal = await newDeal()
    const onOpen = await move(deal.id, { stageId: stage(ws, 'Proposal').id, lostReasonId: price?.id })
    expect(fields(onOpen.body)).toEqual(['lostReasonId'])
    const foreign = (await reasonsOf(other, other.defaults.defaultProcess.process.id))[0]
    const fromOther = await move(deal.id, { stageId: stage(ws, 'Lost').id, lostReasonId: foreign?.id })
    expect(fields(fromOther.body)).toEqual(['lostReasonId'])
    const { process } = await createProcess(api.db, { tenantId: ws.tenant.id, name: 'Renewals' })
    const otherProcess = (await reasonsOf(ws, process.id))[0]
    const fromSibling = await move(deal.id, { stageId: stage(ws, 'Lost').id, lostReasonId: otherProcess?.id })
    expect(fields(fromSibling.body)).toEqual(['lostReasonId'])
    expect(await dealRow(api, deal.id)).toMatchObject({ status: 'open', lostReasonId: null })

    const lost = await move(deal.id, { stageId: stage(ws, 'Lost').id, lostReasonId: price?.id })
    expect(lost.body).toMatchObject({ status: 'lost', lostReasonId: price?.id, lostReason: 'Price' })
    const [audit] = (await auditOf(api, ws.tenant.id, 'deal.stage_changed'))
      .filter((a) => a.entityId === deal.id)
      .slice(-1)
    expect(audit?.after).toMatchObject({ status: 'lost', lostReason: 'Price' })
  })

  it('a deal dragged to Lost is told why afterwards, audited', async () => {
    const reasons = await reasonsOf(ws, processId())
    const deal = await newDeal()
    expect((await move(deal.id, { stageId: stage(ws, 'Lost').id })).body).toMatchObject({ lostReason: null })
    const told = await move(deal.id, { stageId: stage(ws, 'Lost').id, lostReasonId: reasons[2]?.id })
    expect(told.body).toMatchObject({ status: 'lost', lostReason: 'No budget' })
    const audits = await auditOf(api, ws.tenant.id, 'deal.lost_reason_changed')
    expect(audits.find((a) => a.entityId === deal.id)?.after).toEqual({ lostReason: 'No budget' })
  })

  it('a closed deal reopens only when asked, audited as deal.reopened; the reason goes with the loss', async () => {
    const [price] = await reasonsOf(ws, processId())
    const deal = await newDeal()
    await move(deal.id, { stageId: stage(ws, 'Lost').id, lostReasonId: price?.id })
    const stray = await move(deal.id, { stageId: stage(ws, 'Qualified').id })
    expect(stray.status).toBe(422)
    expect(fields(stray.body)).toEqual(['reopen'])
    expect(await dealRow(api, deal.id)).toMatchObject({ status: 'lost', lostReasonId: price?.id })
    const won = await move(deal.id, { stageId: stage(ws, 'Won').id })
    expect(won.body).toMatchObject({ status: 'won', lostReason: null })
    const reopened = await move(deal.id, { stageId: stage(ws, 'Qualified').id, reopen: true })
    expect(reopened.body).toMatchObject({ status: 'open', stageName: 'Qualified', closedAt: null })
    const audits = await auditOf(api, ws.tenant.id, 'deal.reopened')
    expect(audits.find((a) => a.entityId === deal.id)).toMatchObject({
      actorUserId: ws.rep.id,
      before: expect.objectContaining({ status: 'won', stageName: 'Won' }),
      after: expect.objectContaining({ status: 'open', stageName: 'Qualified' }),
    })
  })

  it('admins add and archive reasons; others may not; a lost deal keeps an archived reason', async () => {
    const path = `/processes/${processId()}/lost-reasons`
    expect((await call(ws, ws.manager, path, send('POST', { label: 'Went dark' }), ZRefusal)).status).toBe(
      403,
    )
    expect((await call(ws, ws.rep, path, send('POST', { label: 'Went dark' }), ZRefusal)).status).toBe(403)
    const added = await call(ws, ws.admin, path, send('POST', { label: 'Went dark' }), ZLostReason)
    expect(added.status).toBe(201)
    const twice = await call(ws, ws.admin, path, send('POST', { label: 'went DARK' }), ZRefusal)
    expect([twice.status, fields(twice.body)]).toEqual([422, ['label']])
    const blank = await call(ws, ws.admin, path, send('POST', { label: '' }), ZRefusal)
    expect(fields(blank.body)).toEqual(['label'])

    const deal = await newDeal()
    await move(deal.id, { stageId: stage(ws, 'Lost').id, lostReasonId: added.body.id })
    const archive = `${path}/${added.body.id}`
    expect((await call(ws, ws.rep, archive, send('DELETE'), ZRefusal)).status).toBe(403)
    expect((await call(ws, ws.admin, archive, send('DELETE'), ZNoContent)).status).toBe(204)
    expect((await reasonsOf(ws, processId())).map((r) => r.label)).not.toContain('Went dark')
    expect((await call(ws, ws.rep, `/deals/${deal.id}`, undefined, ZDeal)).body.lostReason).toBe('Went dark')
    const later = await newDeal()
    const withArchived = await move(later.id, { stageId: stage(ws, 'Lost').id, lostReasonId: added.body.id })
    expect(fields(withArchived.body)).toEqual(['lostReasonId'])
  })

  it('another workspace’s process and reason are 404s', async () => {
    const foreign = other.defaults.defaultProcess.process.id
    expect((await call(ws, ws.rep, `/processes/${foreign}/lost-reasons`, undefined, ZRefusal)).status).toBe(
      404,
    )
    const [theirs] = await reasonsOf(other, foreign)
    const path = `/processes/${processId()}/lost-reasons/${theirs?.id}`
    expect((await call(ws, ws.admin, path, send('DELETE'), ZRefusal)).status).toBe(404)
    expect((await reasonsOf(other, foreign)).map((r) => r.id)).toContain(theirs?.id)
  })
})
