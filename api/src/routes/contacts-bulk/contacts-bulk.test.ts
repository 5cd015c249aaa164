// Bulk operations on contacts: all or nothing, one audit row per contact, and never past the caller's reach
// — a rep's selection holding a colleague's contact changes nothing, and only managers and admins reassign.
import { schema } from '@aura/db'
import { createContact } from '@aura/db/seed/index'
import { eq, sql } from 'drizzle-orm'
import { describe, expect } from 'vitest'
import { auditOf } from '../../../test/deal-fixtures.ts'
import { call, fields, it, send, type Workspace } from '../../../test/fixtures.ts'
import type { Member } from '../../../test/workspace.ts'
import { ZBulkContactsResult } from './contacts-bulk.routes.ts'

const bulk = (ws: Workspace, who: Member, body: unknown) =>
  call(ws, who, '/contacts/bulk', send('POST', body), ZBulkContactsResult)

const owned = (ws: Workspace, who: Member) => ({
  tenantId: ws.tenant.id,
  assignedUserId: who.id,
  createdBy: who.id,
})

const contactRow = async (api: { db: Parameters<typeof createContact>[0] }, id: string) => {
  const [row] = await api.db.select().from(schema.contacts).where(eq(schema.contacts.id, id))
  return row
}

describe('POST /contacts/bulk', () => {
  it('a manager reassigns the listed contacts in one go, one audit row each', async ({ api, ws }) => {
    const contacts = await Promise.all([1, 2].map(() => createContact(api.db, owned(ws, ws.rep))))
    const ids = contacts.map((c) => c.id)
    const res = await bulk(ws, ws.manager, { action: 'reassign', assignedUserId: ws.manager.id, ids })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ action: 'reassign', count: 2, dryRun: false })
    for (const id of ids) expect((await contactRow(api, id))?.assignedUserId).toBe(ws.manager.id)
    const audited = (await auditOf(api, ws.tenant.id, 'contact.reassigned')).map((a) => a.entityId)
    expect(audited.filter((id) => ids.includes(id ?? '')).sort()).toEqual([...ids].sort())
  })

  it('a rep may not reassign, and a selection with a colleague’s contact is a 404 that writes nothing', async ({
    api,
    ws,
  }) => {
    const mine = await createContact(api.db, owned(ws, ws.rep))
    const theirs = await createContact(api.db, owned(ws, ws.manager))
    const toOther = await bulk(ws, ws.rep, {
      action: 'reassign',
      assignedUserId: ws.manager.id,
      ids: [mine.id],
    })
    expect(toOther.status).toBe(403)
    const grab = await bulk(ws, ws.rep, { action: 'reassign', assignedUserId: ws.rep.id, ids: [theirs.id] })
    expect(grab.status).toBe(404)
    expect((await contactRow(api, theirs.id))?.assignedUserId).toBe(ws.manager.id)

    const del = await bulk(ws, ws.rep, { action: 'delete', ids: [mine.id, theirs.id] })
    expect(del.status).toBe(404)
    expect(fields(del.body)).toEqual(['ids.1'])
    for (const c of [mine, theirs]) expect((await contactRow(api, c.id))?.deletedAt).toBeNull()
    const touched = [
      ...(await auditOf(api, ws.tenant.id, 'contact.deleted')),
      ...(await auditOf(api, ws.tenant.id, 'contact.reassigned')),
    ].filter((a) => a.entityId === mine.id || a.entityId === theirs.id)
    expect(touched).toEqual([])
  })

  it('soft-deletes every contact a filter matches that the caller can see; dryRun only counts', async ({
    api,
    ws,
  }) => {
    const org = await api.db
      .insert(schema.organizations)
      .values({ tenantId: ws.tenant.id, name: 'Bulk contacts org' })
      .returning()
    const organizationId = org[0]?.id
    const mine = await Promise.all(
      [1, 2].map(() => createContact(api.db, { ...owned(ws, ws.rep), organizationId })),
    )
    const theirs = await createContact(api.db, { ...owned(ws, ws.manager), organizationId })
    const filter = { organizationId }
    const dry = await bulk(ws, ws.rep, { action: 'delete', filter, dryRun: true })
    expect(dry.body).toMatchObject({ count: 2, dryRun: true })
    for (const c of mine) expect((await contactRow(api, c.id))?.deletedAt).toBeNull()

    const done = await bulk(ws, ws.rep, { action: 'delete', filter })
    expect(done.body).toMatchObject({ action: 'delete', count: 2 })
    for (const c of mine) expect((await contactRow(api, c.id))?.deletedAt).not.toBeNull()
    expect((await contactRow(api, theirs.id))?.deletedAt).toBeNull()
    const audited = (await auditOf(api, ws.tenant.id, 'contact.deleted')).map((a) => a.entityId)
    expect(audited).toEqual(expect.arrayContaining(mine.map((c) => c.id)))
    expect(audited).not.toContain(theirs.id)
  })

  it('refuses more than 500 matching contacts rather than doing some', async ({ api, ws }) => {
    const first = await createContact(api.db, { ...owned(ws, ws.manager), firstName: 'Capped' })
    await api.db.execute(sql`insert into contacts (tenant_id, first_name, last_name, assigned_user_id, created_by)
      select tenant_id, 'Capped', 'No ' || n, assigned_user_id, created_by
      from contacts, generate_series(1, 500) n where id = ${first.id}`)
    const res = await bulk(ws, ws.manager, { action: 'delete', filter: { assignedUserId: ws.manager.id } })
    expect(res.status).toBe(422)
    expect(fields(res.body)).toEqual(['filter'])
    const left = (await api.db.execute(
      sql`select count(*)::int as n from contacts where tenant_id = ${ws.tenant.id} and first_name = 'Capped' and deleted_at is null`,
    )) as unknown as { rows: { n: number }[] }
    expect(left.rows[0]?.n).toBe(501)
  })

  it('wants exactly one of ids and filter, and no name search as a filter', async ({ ws }) => {
    for (const body of [{ action: 'delete' }, { action: 'delete', ids: [ws.rep.id], filter: {} }]) {
      const res = await bulk(ws, ws.manager, body)
      expect(res.status).toBe(400)
      expect(fields(res.body)).toEqual(['ids'])
    }
    const byName = await bulk(ws, ws.manager, { action: 'delete', filter: { q: 'Ada' } })
    expect(byName.status).toBe(400)
  })
})
