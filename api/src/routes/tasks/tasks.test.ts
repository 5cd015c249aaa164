// Tasks (issue 14, ADR 0168): a next step's life (plan, reschedule, complete, delete, all audited) and who
// may see and change it; a rep never learns of a colleague's task and never hands one to a colleague.
import type { z } from '@hono/zod-openapi'
import { expect } from 'vitest'
import { auditOf } from '../../../test/deal-fixtures.ts'
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
import { ZPage } from '../../lib/pagination.ts'
import { ZDeal } from '../deals/deals.schemas.ts'
import { ZTask } from './tasks.routes.ts'

const ZTaskPage = ZPage(ZTask)
const HOUR = 3_600_000
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()

const dealOf = async (ws: Workspace, who: Member, name = 'Renewal') =>
  present((await call(ws, who, '/deals', send('POST', { name }), ZDeal)).body.id, 'a deal')
const plan = (ws: Workspace, who: Member, body: Record<string, unknown>) =>
  call(
    ws,
    who,
    '/tasks',
    send('POST', { type: 'call', subject: 'Call back', dueAt: inHours(24), ...body }),
    ZTask,
  )
const page = async (ws: Workspace, who: Member, query: string) =>
  (await call(ws, who, `/tasks?${query}`, undefined, ZTaskPage)).body
const ids = async (ws: Workspace, who: Member, query: string) =>
  (await page(ws, who, query)).data.map((t) => t.id)

it('a task is planned, rescheduled, completed once and then frozen, every step audited', async ({
  api,
  ws,
}) => {
  const dealId = await dealOf(ws, ws.rep)
  const planned = await plan(ws, ws.rep, { dealId, subject: 'Send the revised quote', type: 'email' })
  expect(planned.status).toBe(201)
  expect(planned.body).toMatchObject({
    subject: 'Send the revised quote',
    assigneeUserId: ws.rep.id,
    dealId,
    dealName: 'Renewal',
    completedAt: null,
    createdBy: ws.rep.id,
  })
  const id = planned.body.id
  expect(await ids(ws, ws.rep, 'assignee=me')).toContain(id)
  expect(await ids(ws, ws.rep, `dealId=${dealId}`)).toEqual([id])

  const dueAt = inHours(48)
  const moved = await call(ws, ws.rep, `/tasks/${id}`, send('PATCH', { dueAt }), ZTask)
  expect(moved.body.dueAt).toBe(dueAt)

  const done = await call(ws, ws.rep, `/tasks/${id}/complete`, send('POST'), ZTask)
  expect(done.body).toMatchObject({ completedBy: ws.rep.id })
  const again = await call(ws, ws.rep, `/tasks/${id}/complete`, send('POST'), ZTask)
  expect(again.body.completedAt).toBe(done.body.completedAt)
  const frozen = await call(ws, ws.admin, `/tasks/${id}`, send('PATCH', { subject: 'Rewritten' }), ZRefusal)
  expect(frozen.status).toBe(409)

  expect(await ids(ws, ws.rep, 'assignee=me')).not.toContain(id)
  expect(await ids(ws, ws.rep, `dealId=${dealId}&status=done`)).toEqual([id])
  expect((await call(ws, ws.rep, `/tasks/${id}`, send('DELETE'), ZNoContent)).status).toBe(204)
  expect(await ids(ws, ws.rep, `dealId=${dealId}&status=done`)).toEqual([])
  expect((await call(ws, ws.rep, `/tasks/${id}`, undefined, ZRefusal)).status).toBe(404)

  for (const action of ['task.created', 'task.updated', 'task.completed', 'task.deleted']) {
    const rows = (await auditOf(api, ws.tenant.id, action)).filter((r) => r.entityId === id)
    expect(
      rows.map((r) => r.actorUserId),
      action,
    ).toEqual([ws.rep.id])
  }
})

it('a rep plans for themself only, and a colleague never sees or touches their task', async ({ ws }) => {
  const dealId = await dealOf(ws, ws.rep)
  const forBoss = await plan(ws, ws.rep, { dealId, assigneeUserId: ws.manager.id })
  expect(forBoss.status).toBe(403)
  expect(fields(forBoss.body)).toEqual(['assigneeUserId'])

  const { id } = (await plan(ws, ws.rep, { dealId })).body
  const colleague = await ws.member('rep')
  expect((await call(ws, colleague, `/tasks/${id}`, undefined, ZRefusal)).status).toBe(404)
  expect(await ids(ws, colleague, `dealId=${dealId}`)).toEqual([])
  expect(await ids(ws, colleague, `assignee=${ws.rep.id}`)).toEqual([])
  for (const [method, path, body] of [
    ['POST', `/tasks/${id}/complete`, undefined],
    ['PATCH', `/tasks/${id}`, { subject: 'Hijacked' }],
    ['DELETE', `/tasks/${id}`, undefined],
  ] as const) {
    expect((await call(ws, colleague, path, send(method, body), ZRefusal)).status, method).toBe(404)
  }
  const onTheirDeal = await plan(ws, colleague, { dealId })
  expect(onTheirDeal.status).toBe(422)
  expect(fields(onTheirDeal.body)).toEqual(['dealId'])
  expect((await call(ws, ws.rep, `/tasks/${id}`, undefined, ZTask)).body.subject).toBe('Call back')
})

it('a manager hands a rep a next step on the rep’s own record only', async ({ ws }) => {
  const dealId = await dealOf(ws, ws.rep)
  const handed = await plan(ws, ws.manager, { dealId, assigneeUserId: ws.rep.id })
  expect(handed.status).toBe(201)
  expect(await ids(ws, ws.rep, 'assignee=me')).toContain(handed.body.id)

  const colleague = await ws.member('rep')
  const blind = await plan(ws, ws.manager, { dealId, assigneeUserId: colleague.id })
  expect(blind.status).toBe(422)
  expect(fields(blind.body)).toEqual(['assigneeUserId'])
  const reassigned = await call(
    ws,
    ws.manager,
    `/tasks/${handed.body.id}`,
    send('PATCH', { assigneeUserId: colleague.id }),
    ZRefusal,
  )
  expect(reassigned.status).toBe(422)

  // The manager's own step on the rep's deal: the rep sees it on the deal, but cannot complete it.
  const own = (await plan(ws, ws.manager, { dealId })).body.id
  expect(await ids(ws, ws.rep, `dealId=${dealId}`)).toContain(own)
  expect((await call(ws, ws.rep, `/tasks/${own}/complete`, send('POST'), ZRefusal)).status).toBe(404)
})

it('refuses what it cannot plan or list, naming the field', async ({ ws, other }) => {
  const unlinked = await plan(ws, ws.rep, {})
  expect([unlinked.status, fields(unlinked.body)]).toEqual([400, ['dealId']])
  const foreign = await plan(ws, ws.admin, { dealId: await dealOf(other, other.admin) })
  expect([foreign.status, fields(foreign.body)]).toEqual([422, ['dealId']])
  const dealId = await dealOf(ws, ws.rep)
  const bad = await plan(ws, ws.rep, { dealId, dueAt: 'tomorrow', subject: '', colour: 'red' })
  expect(bad.status).toBe(400)
  const everyone = await call(ws, ws.admin, '/tasks', undefined, ZRefusal)
  expect([everyone.status, fields(everyone.body)]).toEqual([400, ['assignee']])
  const allDone = await call(ws, ws.rep, '/tasks?assignee=me&status=done', undefined, ZRefusal)
  expect([allDone.status, fields(allDone.body)]).toEqual([400, ['status']])
  const done = await plan(ws, ws.rep, { dealId })
  await call(ws, ws.rep, `/tasks/${done.body.id}/complete`, send('POST'), ZTask)
  const nothing = await call(ws, ws.rep, `/tasks/${done.body.id}`, send('PATCH', {}), ZRefusal)
  expect(nothing.status).toBe(400)
})

it('lists open tasks soonest due first (overdue on top), a page at a time', async ({ ws }) => {
  const rep = await ws.member('rep')
  const dealId = await dealOf(ws, rep)
  const due = [30, -5, 2, -1, 8]
  for (const h of due) await plan(ws, rep, { dealId, subject: `in ${h} h`, dueAt: inHours(h) })
  const seen: string[] = []
  let cursor: string | null = ''
  while (cursor !== null) {
    const p: z.infer<typeof ZTaskPage> = await page(
      ws,
      rep,
      `assignee=me&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    )
    seen.push(...p.data.map((t) => t.subject))
    cursor = p.nextCursor
  }
  expect(seen).toEqual([...due].sort((a, b) => a - b).map((h) => `in ${h} h`))
})

it('a reassigned deal takes its owner’s open steps along; done ones and others’ stay', async ({ ws }) => {
  const dealId = await dealOf(ws, ws.rep)
  const open = (await plan(ws, ws.rep, { dealId, subject: 'Open step' })).body.id
  const done = (await plan(ws, ws.rep, { dealId, subject: 'Done step' })).body.id
  await call(ws, ws.rep, `/tasks/${done}/complete`, send('POST'), ZTask)
  const managers = (await plan(ws, ws.manager, { dealId, subject: 'Manager’s own step' })).body.id
  const colleague = await ws.member('rep')
  const moved = await call(
    ws,
    ws.manager,
    `/deals/${dealId}`,
    send('PATCH', { assignedUserId: colleague.id }),
    ZDeal,
  )
  expect(moved.status).toBe(200)
  const assignee = async (id: string) =>
    (await call(ws, ws.admin, `/tasks/${id}`, undefined, ZTask)).body.assigneeUserId
  expect([await assignee(open), await assignee(done), await assignee(managers)]).toEqual([
    colleague.id,
    ws.rep.id,
    ws.manager.id,
  ])
  expect(await ids(ws, colleague, 'assignee=me')).toEqual([open])
  expect(await ids(ws, ws.rep, 'assignee=me')).not.toContain(open)
})
