import { schema, withTenant } from '@aura/db'
import { createActivity, createContact, createDeal } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { call, send, ZDeal } from '../../../test/deal-fixtures.ts'
import { it } from '../../../test/fixtures.ts'
import { ZTimelinePage } from './activities.schemas.ts'

describe('contact timeline: activities, deal creation and stage changes, newest first', () => {
  it('merges the three sources in time order, pages by cursor and hides what the caller may not see', async ({
    api,
    ws,
  }) => {
    const tenantId = ws.tenant.id
    const colleague = await ws.member('rep')
    const [first, second] = ws.defaults.defaultProcess.stages
    if (!first || !second) throw new Error('default process needs two stages')
    const contact = await createContact(api.db, { tenantId, assignedUserId: ws.rep.id })
    const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12))
    const note = await createActivity(api.db, { tenantId, contactId: contact.id, occurredAt: at(1) })
    const deal = await createDeal(api.db, {
      tenantId,
      contactId: contact.id,
      assignedUserId: ws.rep.id,
      stageId: first.id,
      createdAt: at(2),
    })
    const placed = {
      tenantId,
      dealId: deal.id,
      toProcessId: deal.processId,
      amount: '1000.00',
      probability: 10,
    }
    await api.db.insert(schema.dealStageHistory).values([
      { ...placed, toStageId: first.id, toStageName: first.name, changedAt: at(2) },
      {
        ...placed,
        fromProcessId: deal.processId,
        fromStageId: first.id,
        fromStageName: first.name,
        toStageId: second.id,
        toStageName: second.name,
        changedAt: at(4),
      },
    ])
    const call = await createActivity(api.db, {
      tenantId,
      contactId: contact.id,
      dealId: deal.id,
      type: 'call',
      occurredAt: at(3),
    })
    const deleted = await createActivity(api.db, { tenantId, contactId: contact.id, occurredAt: at(5) })
    await withTenant(api.db, { tenantId, role: 'admin' }, (tx) =>
      tx.update(schema.activities).set({ deletedAt: new Date() }).where(eqId(deleted.id)),
    )
    // A colleague's deal on the same contact: the manager sees its creation, the rep does not.
    await createDeal(api.db, {
      tenantId,
      contactId: contact.id,
      assignedUserId: colleague.id,
      createdAt: at(6),
    })

    const page1 = await (await ws.as(ws.rep, `/contacts/${contact.id}/timeline?limit=2`)).json()
    const page2 = await (
      await ws.as(ws.rep, `/contacts/${contact.id}/timeline?cursor=${page1.nextCursor}`)
    ).json()
    const items = [...page1.data, ...page2.data]
    expect(items.map((i: { kind: string; at: string }) => [i.kind, i.at])).toEqual([
      ['stage_changed', at(4).toISOString()],
      ['activity', at(3).toISOString()],
      ['deal_created', at(2).toISOString()],
      ['activity', at(1).toISOString()],
    ])
    expect(items[0]).toMatchObject({ dealId: deal.id, fromStageName: first.name, toStageName: second.name })
    expect(items[1]).toMatchObject({
      id: call.id,
      activityType: 'call',
      dealId: deal.id,
      dealName: deal.name,
    })
    expect(items[3].id).toBe(note.id)
    expect(page2.nextCursor).toBeNull()

    const manager = await (await ws.as(ws.manager, `/contacts/${contact.id}/timeline`)).json()
    expect(manager.data.map((i: { kind: string }) => i.kind)).toEqual([
      'deal_created',
      'stage_changed',
      'activity',
      'deal_created',
      'activity',
    ])
  })
})

describe('"Deal created" on the timeline', () => {
  it('tells the amount the deal was created with, not what it is worth today', async ({ api, ws }) => {
    const contact = await createContact(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.rep.id })
    const created = await call(
      ws,
      ws.rep,
      '/deals',
      send('POST', { name: 'Grew', amount: '0.00', contactId: contact.id }),
      ZDeal,
    )
    expect(created.status).toBe(201)
    const grown = await call(
      ws,
      ws.rep,
      `/deals/${created.body.id}`,
      send('PATCH', { amount: '1739.80' }),
      ZDeal,
    )
    expect(grown.body.amount).toBe('1739.80')
    const timeline = await call(ws, ws.rep, `/contacts/${contact.id}/timeline`, undefined, ZTimelinePage)
    expect(timeline.body.data.find((i) => i.kind === 'deal_created')?.amount).toBe('0.00')
  })
})

const eqId = (id: string) => eq(schema.activities.id, id)
