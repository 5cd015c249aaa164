// Manager insight (issue 14, ADR 0170) through the API: the figures follow deal writes in their transaction
// (won, lost, reopen, reassign, delete), exact to the cent; a lead sees the team per owner, a rep only their
// own deals and never another owner's; months follow the workspace's time zone.
import { createDeal, createProcess } from '@aura/db/seed/index'
import { expect } from 'vitest'
import { stage } from '../../../test/deal-fixtures.ts'
import {
  call,
  fields,
  it,
  type Member,
  present,
  send,
  type Workspace,
  ZNoContent,
  ZRefusal,
} from '../../../test/fixtures.ts'
import { ZInsight } from '../../services/insight/insight.outputs.ts'
import { ZDeal } from '../deals/deals.schemas.ts'

const insight = async (ws: Workspace, who: Member, query = '') => {
  const res = await call(ws, who, `/insight${query}`, undefined, ZInsight)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
const create = async (ws: Workspace, who: Member, body: Record<string, unknown>) =>
  present((await call(ws, who, '/deals', send('POST', body), ZDeal)).body.id, 'a deal')
const move = async (ws: Workspace, who: Member, id: string, stageName: string, more = {}) => {
  const res = await call(
    ws,
    who,
    `/deals/${id}/stage`,
    send('POST', { stageId: stage(ws, stageName).id, ...more }),
    ZRefusal,
  )
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
}
const thisMonth = () => new Date().toISOString().slice(0, 7)

it('follows wins, losses, reopening, reassignment and deletion, per owner and for the team', async ({
  ws,
}) => {
  const rep2 = await ws.member('rep')
  const process = `?processId=${ws.defaults.defaultProcess.process.id}`
  const a = await create(ws, ws.rep, { name: 'A', amount: '1000.00' })
  const b = await create(ws, ws.rep, { name: 'B', amount: '250.55', stageId: stage(ws, 'Qualified').id })
  const c = await create(ws, ws.manager, { name: 'C', amount: '99.99', assignedUserId: rep2.id })
  const d = await create(ws, ws.rep, { name: 'D', amount: '0.01', stageId: stage(ws, 'Proposal').id })
  await move(ws, ws.rep, b, 'Won')
  await move(ws, ws.manager, c, 'Lost')

  const mine = await insight(ws, ws.rep, process)
  expect(mine.ownerId).toBe(ws.rep.id)
  expect(mine.totals).toMatchObject({ openCount: 2, openAmount: '1000.01', wonCount: 1, wonAmount: '250.55' })
  expect(mine.totals).toMatchObject({ lostCount: 0, winRate: 100 })
  expect(mine.owners.map((o) => o.userId)).toEqual([ws.rep.id])
  expect(mine.trend).toHaveLength(12)
  expect(mine.trend.at(-1)).toEqual({ month: thisMonth(), wonCount: 1, wonAmount: '250.55' })
  // The rep's funnel: A at Prospect, D at Proposal, B won: 3 reached Prospect, 2 Qualified and
  // Proposal, 1 (the win) Negotiation.
  const reached = Object.fromEntries(mine.stages.map((s) => [s.name, [s.reached, s.conversion]]))
  expect(reached).toMatchObject({
    Prospect: [3, 66.7],
    Qualified: [2, 100],
    Proposal: [2, 50],
    Negotiation: [1, 100],
    Won: [1, null],
  })
  expect(mine.stages.map((s) => s.name)).not.toContain('Lost')

  const team = await insight(ws, ws.manager, process)
  expect(team.ownerId).toBeNull()
  expect(team.totals).toMatchObject({ wonCount: 1, lostCount: 1, lostAmount: '99.99', winRate: 50 })
  expect(team.owners.map((o) => o.userId).sort()).toEqual([ws.rep.id, rep2.id].sort())
  const one = await insight(ws, ws.manager, `${process}&ownerId=${rep2.id}`)
  expect(one.totals).toMatchObject({ openCount: 0, lostCount: 1, winRate: 0 })

  // A rep asking for a colleague learns nothing, not even that the colleague has deals.
  const peek = await call(ws, ws.rep, `/insight?ownerId=${rep2.id}`, undefined, ZRefusal)
  expect(peek.status).toBe(404)

  // Reopen the win, hand A to rep2, delete D: every figure moves with the writes.
  await move(ws, ws.rep, b, 'Proposal', { reopen: true })
  await call(ws, ws.manager, `/deals/${a}`, send('PATCH', { assignedUserId: rep2.id }), ZDeal)
  expect((await call(ws, ws.rep, `/deals/${d}`, send('DELETE'), ZNoContent)).status).toBe(204)
  const after = await insight(ws, ws.rep)
  expect(after.totals).toMatchObject({ openCount: 1, openAmount: '250.55', wonCount: 0, winRate: null })
  expect(after.trend.at(-1)).toMatchObject({ wonCount: 0, wonAmount: '0.00' })
  const teamAfter = await insight(ws, ws.admin)
  expect(teamAfter.totals).toMatchObject({ openCount: 2, openAmount: '1250.55', lostCount: 1 })
})

it('sums the period in the workspace’s time zone and rebuilds the months when it changes', async ({
  api,
  ws,
}) => {
  // A process of its own: the other tests' deals stay out of these sums.
  const own = await createProcess(api.db, { tenantId: ws.tenant.id })
  const process = `?processId=${own.process.id}`
  const won = present(own.stages.find((s) => s.kind === 'won'))
  const now = new Date()
  // 03:00 UTC on the 1st of this month: this month in UTC, still last month in New York.
  const closedAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 3))
  await createDeal(api.db, {
    tenantId: ws.tenant.id,
    name: 'Edge',
    amount: '500.00',
    finalAmount: '480.00',
    processId: own.process.id,
    stageId: won.id,
    status: 'won',
    closedAt,
    createdAt: new Date(closedAt.getTime() - 10 * 86_400_000),
    assignedUserId: ws.rep.id,
  })
  const utc = await insight(ws, ws.admin, process)
  expect(utc.period.from).toBe(`${thisMonth()}-01`)
  expect(utc.totals).toMatchObject({ wonCount: 1, wonAmount: '480.00', averageDaysToClose: 10 })
  expect(utc.trend.at(-1)?.wonAmount).toBe('480.00')

  const zone = await call(
    ws,
    ws.admin,
    '/workspace',
    send('PATCH', { timezone: 'America/New_York' }),
    ZRefusal,
  )
  expect(zone.status).toBe(200)
  const ny = await insight(ws, ws.admin, `${process}&period=month`)
  expect(ny.totals.wonCount).toBe(0)
  expect(ny.trend.at(-2)?.wonAmount).toBe('480.00')
  const year = await insight(ws, ws.admin, `${process}&period=year`)
  if (now.getUTCMonth() > 0) expect(year.totals.wonAmount).toBe('480.00')
})

it('refuses what it cannot answer by naming the field', async ({ ws }) => {
  const bad = await call(ws, ws.manager, '/insight?period=week', undefined, ZRefusal)
  expect(bad.status).toBe(400)
  expect(fields(bad.body)).toContain('period')
  const unknown = await call(ws, ws.manager, `/insight?processId=${crypto.randomUUID()}`, undefined, ZRefusal)
  expect(unknown.status).toBe(404)
  const nobody = await call(ws, ws.manager, `/insight?ownerId=${crypto.randomUUID()}`, undefined, ZRefusal)
  expect(nobody.status).toBe(404)
})
