// A rep's activity list (the dashboard's "recent activities") comes from activity_owners (ADR 0102): it must
// show exactly what the activities policy lets the rep see, through the contact or the deal, also after a
// record changes hands, and page through all of it.
import { createContact, createDeal } from '@aura/db/seed/index'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace, type Member } from '../../../test/workspace.ts'

describe("a rep's activities follow their contacts' and deals' owners", () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let other: Member
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await ws.member('rep')
  })
  afterAll(() => api.close())

  /** A contact the manager created (so only its assignee owns it) with one activity logged by the manager. */
  async function contactWithActivity(assignee: Member, dealOwner?: Member) {
    const contact = await createContact(api.db, {
      tenantId: ws.tenant.id,
      assignedUserId: assignee.id,
      createdBy: ws.manager.id,
    })
    const deal = dealOwner
      ? await createDeal(api.db, {
          tenantId: ws.tenant.id,
          contactId: contact.id,
          assignedUserId: dealOwner.id,
          createdBy: ws.manager.id,
        })
      : undefined
    const res = await ws.as(
      ws.manager,
      `/contacts/${contact.id}/activities`,
      jsonBody({ type: 'note', description: 'Logged', ...(deal ? { dealId: deal.id } : {}) }),
    )
    expect(res.status).toBe(201)
    return { contact, deal, activity: (await res.json()) as { id: string } }
  }

  const recent = async (who: Member, query = 'limit=100') => {
    const res = await ws.as(who, `/activities?${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as { data: { id: string }[]; nextCursor: string | null }
  }
  const ids = async (who: Member) => (await recent(who)).data.map((a) => a.id)

  it('shows an activity to the contact owner and the deal owner, and moves with a reassignment', async () => {
    const viaContact = await contactWithActivity(ws.rep)
    const viaDeal = await contactWithActivity(other, ws.rep)
    expect(await ids(ws.rep)).toEqual(expect.arrayContaining([viaContact.activity.id, viaDeal.activity.id]))
    expect(await ids(other)).toContain(viaDeal.activity.id)
    expect(await ids(other)).not.toContain(viaContact.activity.id)

    // The contact changes hands: its activity leaves the rep's list and joins the new owner's.
    const moved = await ws.as(ws.manager, `/contacts/${viaContact.contact.id}`, {
      ...jsonBody({ assignedUserId: other.id }),
      method: 'PATCH',
    })
    expect(moved.status).toBe(200)
    expect(await ids(ws.rep)).not.toContain(viaContact.activity.id)
    expect(await ids(other)).toContain(viaContact.activity.id)

    // So does the deal: the rep keeps nothing of either.
    const dealMoved = await ws.as(ws.manager, `/deals/${viaDeal.deal?.id}`, {
      ...jsonBody({ assignedUserId: other.id }),
      method: 'PATCH',
    })
    expect(dealMoved.status).toBe(200)
    expect(await ids(ws.rep)).not.toContain(viaDeal.activity.id)
  })

  it('pages through all of a rep’s activities in order, and a lead sees the whole tenant', async () => {
    const rep = await ws.member('rep')
    const logged: string[] = []
    for (let i = 0; i < 7; i++) logged.push((await contactWithActivity(rep)).activity.id)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await recent(rep, `limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...page.data.map((a) => a.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([...logged].reverse())
    expect(await ids(ws.manager)).toEqual(expect.arrayContaining(logged))
  })
})
