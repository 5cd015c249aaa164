import { schema, withTenant } from '@aura/db'
import { createContact, createDeal } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace, type Member } from '../../../test/workspace.ts'

describe('activities: logged on contacts, immutable, soft deleted', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let colleague: Member
  let contactId: string
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    colleague = await ws.member('rep')
    contactId = (await createContact(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.rep.id })).id
  })
  afterAll(() => api.close())

  const log = (body: object, who: Member = ws.rep, id = contactId) =>
    ws.as(who, `/contacts/${id}/activities`, jsonBody(body))

  it('logs each type with participant and deal; lists them newest first with filters', async () => {
    const deal = await createDeal(api.db, { tenantId: ws.tenant.id, assignedUserId: ws.rep.id, contactId })
    const call = await log({
      type: 'call',
      subject: 'Intro',
      description: 'Discussed needs',
      occurredAt: '2026-01-02T10:00:00Z',
      participantUserId: ws.rep.id,
      dealId: deal.id,
    })
    expect(call.status).toBe(201)
    expect(await call.json()).toMatchObject({
      type: 'call',
      dealId: deal.id,
      occurredAt: '2026-01-02T10:00:00.000Z',
    })
    for (const type of ['email', 'meeting', 'note']) {
      expect((await log({ type, description: `A ${type}` })).status).toBe(201)
    }
    const all = await (await ws.as(ws.rep, `/contacts/${contactId}/activities`)).json()
    expect(all.data.map((a: { type: string }) => a.type)).toEqual(['note', 'meeting', 'email', 'call'])
    const calls = await (await ws.as(ws.rep, `/activities?type=call&contactId=${contactId}`)).json()
    expect(calls.data).toHaveLength(1)
    const byDeal = await (await ws.as(ws.manager, `/activities?dealId=${deal.id}`)).json()
    expect(byDeal.data.map((a: { subject: string }) => a.subject)).toEqual(['Intro'])
    const paged = await (await ws.as(ws.rep, `/activities?contactId=${contactId}&limit=3`)).json()
    const rest = await (
      await ws.as(ws.rep, `/activities?contactId=${contactId}&cursor=${paged.nextCursor}`)
    ).json()
    expect([...paged.data, ...rest.data].map((a: { id: string }) => a.id)).toEqual(
      all.data.map((a: { id: string }) => a.id),
    )
  })

  it('refuses a deal the caller cannot see or that does not exist with 422 naming dealId', async () => {
    const theirs = await createDeal(api.db, { tenantId: ws.tenant.id, assignedUserId: colleague.id })
    for (const dealId of [theirs.id, crypto.randomUUID()]) {
      const res = await log({ type: 'note', description: 'x', dealId })
      expect(res.status).toBe(422)
      expect((await res.json()).errors[0].field).toBe('dealId')
    }
    const bad = await log({ type: 'fax', description: '', occurredAt: 'yesterday' })
    expect(bad.status).toBe(400)
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['type', 'description', 'occurredAt']))
  })

  it("a rep cannot log on or read a colleague's contact (404)", async () => {
    const theirs = await createContact(api.db, { tenantId: ws.tenant.id, assignedUserId: colleague.id })
    expect((await log({ type: 'note', description: 'x' }, ws.rep, theirs.id)).status).toBe(404)
    expect((await ws.as(ws.rep, `/contacts/${theirs.id}/activities`)).status).toBe(404)
    expect((await ws.as(ws.rep, `/contacts/${theirs.id}/timeline`)).status).toBe(404)
    expect((await (await ws.as(ws.rep, `/activities?contactId=${theirs.id}`)).json()).data).toEqual([])
  })

  it('has no edit route, and the database refuses a direct UPDATE of the description', async () => {
    const a = await (await log({ type: 'note', description: 'Original' })).json()
    const res = await ws.as(ws.admin, `/activities/${a.id}`, {
      ...jsonBody({ description: 'Edited' }),
      method: 'PATCH',
    })
    expect(res.status).toBe(404)
    const ctx = { tenantId: ws.tenant.id, userId: ws.admin.id, role: 'admin' as const }
    await expect(
      withTenant(api.db, ctx, (tx) =>
        tx.update(schema.activities).set({ description: 'Edited' }).where(eq(schema.activities.id, a.id)),
      ),
    ).rejects.toThrow()
    const [row] = await withTenant(api.db, ctx, (tx) =>
      tx.select().from(schema.activities).where(eq(schema.activities.id, a.id)),
    )
    expect(row?.description).toBe('Original')
  })

  it('deletes softly: author or manager only, gone from lists, audited, kept in the table', async () => {
    const mine = await (await log({ type: 'note', description: 'Mine' })).json()
    const byManager = await (await log({ type: 'note', description: 'Manager note' }, ws.manager)).json()
    expect((await ws.as(ws.rep, `/activities/${byManager.id}`, { method: 'DELETE' })).status).toBe(403)
    expect((await ws.as(ws.rep, `/activities/${mine.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await ws.as(ws.manager, `/activities/${mine.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await ws.as(ws.manager, `/activities/${byManager.id}`, { method: 'DELETE' })).status).toBe(204)
    const list = await (await ws.as(ws.rep, `/contacts/${contactId}/activities?limit=100`)).json()
    const ids = list.data.map((a: { id: string }) => a.id)
    expect(ids).not.toContain(mine.id)
    const ctx = { tenantId: ws.tenant.id, role: 'admin' as const }
    const { rows, audit } = await withTenant(api.db, ctx, async (tx) => ({
      rows: await tx.select().from(schema.activities).where(eq(schema.activities.id, mine.id)),
      audit: await tx.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, mine.id)),
    }))
    expect(rows[0]?.deletedAt).toBeInstanceOf(Date)
    expect(rows[0]?.description).toBe('Mine')
    expect(audit.map((r) => r.action)).toEqual(['activity.deleted'])
  })
})
