import { createContact, createProcess } from '@aura/db/seed/index'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditOf,
  call,
  dealRow,
  fields,
  send,
  stage,
  stageHistory,
  type TestApi,
  type Workspace,
  ZDeal,
  ZDealHistory,
  ZDealWithLines,
  ZStage,
} from '../../../test/deal-fixtures.ts'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

describe('POST /deals/{id}/stage', () => {
  let api: TestApi
  let ws: Workspace
  let other: Workspace
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const newDeal = async (body: Record<string, unknown> = {}) =>
    (await call(ws, ws.rep, '/deals', send('POST', { name: 'Deal', amount: '1000.00', ...body }), ZDeal)).body
  const move = (id: string, body: Record<string, unknown>, who = ws.rep) =>
    call(ws, who, `/deals/${id}/stage`, send('POST', body), ZDeal)

  it('moves within the process: probability becomes the stage default, history has who and both names', async () => {
    const deal = await newDeal()
    const res = await move(deal.id, { stageId: stage(ws, 'Proposal').id })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ stageName: 'Proposal', probability: 50, status: 'open' })
    const [h] = await stageHistory(api, deal.id)
    expect(h).toMatchObject({
      fromStageId: stage(ws, 'Prospect').id,
      fromStageName: 'Prospect',
      toStageId: stage(ws, 'Proposal').id,
      toStageName: 'Proposal',
      amount: '1000.00',
      probability: 50,
      changedBy: ws.rep.id,
    })
    expect((await auditOf(api, ws.tenant.id, 'deal.stage_changed')).map((a) => a.entityId)).toContain(deal.id)
  })

  it('refuses entering a stage whose required fields are missing, naming each (F11.7), and changes nothing', async () => {
    const { process, stages } = await createProcess(api.db, {
      tenantId: ws.tenant.id,
      stages: [
        { name: 'Open', winProbability: 10 },
        { name: 'Contract', winProbability: 80, requiredFields: ['closeDate', 'contactId', 'notes'] },
      ],
    })
    const deal = await newDeal({ processId: process.id })
    const res = await move(deal.id, { stageId: stages[1]?.id })
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('unprocessable')
    expect(fields(res.body)).toEqual(['closeDate', 'contactId', 'notes'])
    expect(await dealRow(api, deal.id)).toMatchObject({ stageId: stages[0]?.id })
    expect(await stageHistory(api, deal.id)).toHaveLength(1)
    const contact = await createContact(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.rep.id })
    await call(
      ws,
      ws.rep,
      `/deals/${deal.id}`,
      send('PATCH', { closeDate: '2026-06-30', contactId: contact.id, notes: 'Signed soon' }),
      ZDeal,
    )
    expect((await move(deal.id, { stageId: stages[1]?.id })).status).toBe(200)
  })

  it('closes on won with the final value; a later rename leaves the closed deal as it was (F11.9); reopening is explicit', async () => {
    const deal = await newDeal({ amount: '2500.50' })
    const won = await move(deal.id, { stageId: stage(ws, 'Won').id })
    expect(won.body).toMatchObject({
      status: 'won',
      closedStageName: 'Won',
      closedProbability: 100,
      finalAmount: '2500.50',
      probability: 100,
    })
    expect(won.body.closedAt).not.toBeNull()
    const processId = ws.defaults.defaultProcess.process.id
    const rename = await call(
      ws,
      ws.admin,
      `/processes/${processId}/stages/${stage(ws, 'Won').id}`,
      send('PATCH', { name: 'Closed won', winProbability: 95 }),
      ZStage,
    )
    expect(rename.status).toBe(200)
    const after = (await call(ws, ws.rep, `/deals/${deal.id}`, undefined, ZDealWithLines)).body
    expect(after).toMatchObject({
      stageName: 'Closed won',
      closedStageName: 'Won',
      closedProbability: 100,
      finalAmount: '2500.50',
    })
    const [h] = await stageHistory(api, deal.id)
    expect(h?.toStageName).toBe('Won')
    const lost = await move(deal.id, { stageId: stage(ws, 'Lost').id })
    expect(lost.body).toMatchObject({ status: 'lost', closedStageName: 'Lost', closedProbability: 0 })
    const reopened = await move(deal.id, { stageId: stage(ws, 'Negotiation').id, reopen: true })
    expect(reopened.body).toMatchObject({
      status: 'open',
      closedAt: null,
      closedStageName: null,
      finalAmount: null,
      probability: 75,
    })
  })

  it('moves to another process only with processId and a stage of it; logged as deal.process_changed', async () => {
    const { process, stages } = await createProcess(api.db, { tenantId: ws.tenant.id, name: 'Renewals' })
    const deal = await newDeal()
    const implicit = await move(deal.id, { stageId: stages[2]?.id })
    expect(implicit.status).toBe(422)
    expect(fields(implicit.body)).toEqual(['stageId'])
    const mismatch = await move(deal.id, { processId: process.id, stageId: stage(ws, 'Qualified').id })
    expect(fields(mismatch.body)).toEqual(['stageId'])
    const res = await move(deal.id, { processId: process.id, stageId: stages[2]?.id })
    expect(res.body).toMatchObject({ processId: process.id, processName: 'Renewals', stageId: stages[2]?.id })
    const [h] = await stageHistory(api, deal.id)
    expect(h).toMatchObject({
      fromProcessId: ws.defaults.defaultProcess.process.id,
      toProcessId: process.id,
      fromStageName: 'Prospect',
      toStageName: 'Proposal',
    })
    expect((await auditOf(api, ws.tenant.id, 'deal.process_changed')).map((a) => a.entityId)).toContain(
      deal.id,
    )
  })

  it("refuses another tenant's process and stage (422) and a colleague's deal (404), changing nothing", async () => {
    const deal = await newDeal()
    const theirs = other.defaults.defaultProcess
    const p = await move(deal.id, { processId: theirs.process.id, stageId: theirs.stages[1]?.id })
    expect(p.status).toBe(422)
    expect(fields(p.body)).toEqual(['processId'])
    const s = await move(deal.id, { stageId: theirs.stages[1]?.id })
    expect(fields(s.body)).toEqual(['stageId'])
    const colleague = await ws.member('rep')
    expect((await move(deal.id, { stageId: stage(ws, 'Won').id }, colleague)).status).toBe(404)
    expect(
      (
        await call(
          other,
          other.admin,
          `/deals/${deal.id}/stage`,
          send('POST', { stageId: theirs.stages[1]?.id }),
          ZDeal,
        )
      ).status,
    ).toBe(404)
    expect(await dealRow(api, deal.id)).toMatchObject({ stageId: stage(ws, 'Prospect').id, status: 'open' })
    expect(await stageHistory(api, deal.id)).toHaveLength(1)
  })

  it('lists the stage history and the audit trail newest first', async () => {
    const deal = await newDeal()
    await move(deal.id, { stageId: stage(ws, 'Qualified').id })
    await move(deal.id, { stageId: stage(ws, 'Proposal').id })
    const { status, body } = await call(ws, ws.manager, `/deals/${deal.id}/history`, undefined, ZDealHistory)
    expect(status).toBe(200)
    expect(body.stageChanges.map((h: { toStageName: string }) => h.toStageName)).toEqual([
      'Proposal',
      'Qualified',
      'Prospect',
    ])
    // audit_log policy: a manager sees the entries they caused; the admin sees all of them.
    const asAdmin = (await call(ws, ws.admin, `/deals/${deal.id}/history`, undefined, ZDealHistory)).body
    expect(asAdmin.audit.map((a: { action: string }) => a.action)).toEqual([
      'deal.stage_changed',
      'deal.stage_changed',
      'deal.created',
    ])
    expect(
      (await call(other, other.admin, `/deals/${deal.id}/history`, undefined, ZDealHistory)).status,
    ).toBe(404)
  })
})
