import { schema, withTenant } from '@aura/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace, type Member } from '../../../test/workspace.ts'

const patch = (body: unknown): RequestInit => ({ ...jsonBody(body), method: 'PATCH' })
const del: RequestInit = { method: 'DELETE' }

describe('contacts: ownership, reassignment, duplicates, soft delete', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let colleague: Member
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    colleague = await ws.member('rep')
  })
  afterAll(() => api.close())

  const create = async (body: object, who: Member = ws.rep) => {
    const res = await ws.as(who, '/contacts', jsonBody(body))
    expect(res.status).toBe(201)
    return res.json()
  }
  const audit = () =>
    withTenant(api.db, { tenantId: ws.tenant.id, role: 'admin' }, (tx) => tx.select().from(schema.auditLog))

  it('creates a contact assigned to its creator, with its organization', async () => {
    const org = await (await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Acme' }))).json()
    const contact = await create({
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'Grace@Navy.test',
      phone: '+1 (555) 0199',
      title: 'Rear Admiral',
      organizationId: org.id,
    })
    expect(contact).toMatchObject({
      fullName: 'Grace Hopper',
      email: 'grace@navy.test',
      assignedUserId: ws.rep.id,
      organization: { id: org.id, name: 'Acme' },
    })
  })

  it('a rep sees only their own contacts: a colleague’s is absent from the list and a 404', async () => {
    const mine = await create({ firstName: 'Mine' })
    const theirs = await create({ firstName: 'Theirs' }, colleague)
    const list = await (await ws.as(ws.rep, '/contacts?limit=100')).json()
    const ids = list.data.map((c: { id: string }) => c.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(theirs.id)
    expect((await ws.as(ws.rep, `/contacts/${theirs.id}`)).status).toBe(404)
    expect((await ws.as(ws.rep, `/contacts/${theirs.id}`, patch({ title: 'x' }))).status).toBe(404)
    expect((await ws.as(ws.rep, `/contacts/${theirs.id}`, del)).status).toBe(404)
    expect((await ws.as(ws.manager, `/contacts/${theirs.id}`)).status).toBe(200)
    const filtered = await (await ws.as(ws.manager, `/contacts?assignedUserId=${colleague.id}`)).json()
    expect(filtered.data.map((c: { id: string }) => c.id)).toEqual([theirs.id])
  })

  it('reassignment: a rep gets 403, a manager reassigns and it is audited with before/after', async () => {
    const contact = await create({ firstName: 'Moving' })
    const denied = await ws.as(ws.rep, `/contacts/${contact.id}`, patch({ assignedUserId: colleague.id }))
    expect(denied.status).toBe(403)
    expect((await create({ firstName: 'Self', assignedUserId: ws.rep.id })).assignedUserId).toBe(ws.rep.id)
    expect(
      (await ws.as(ws.rep, '/contacts', jsonBody({ firstName: 'X', assignedUserId: colleague.id }))).status,
    ).toBe(403)
    const res = await ws.as(ws.manager, `/contacts/${contact.id}`, patch({ assignedUserId: colleague.id }))
    expect(res.status).toBe(200)
    expect((await res.json()).assignedUserId).toBe(colleague.id)
    const row = (await audit()).find((a) => a.action === 'contact.reassigned' && a.entityId === contact.id)
    expect(row).toMatchObject({
      actorUserId: ws.manager.id,
      before: { assignedUserId: ws.rep.id },
      after: { assignedUserId: colleague.id },
    })
    const gone = await ws.as(
      ws.manager,
      `/contacts/${contact.id}`,
      patch({ assignedUserId: crypto.randomUUID() }),
    )
    expect(gone.status).toBe(422)
    expect((await gone.json()).errors[0].field).toBe('assignedUserId')
  })

  it('duplicate email (any case) → 409 naming the existing contact; a deleted contact frees it', async () => {
    const first = await create({ firstName: 'Dup', email: 'dup@example.test' })
    const res = await ws.as(ws.rep, '/contacts', jsonBody({ firstName: 'Dup2', email: 'DUP@example.test' }))
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.existingContactId).toBe(first.id)
    expect(body.errors[0].field).toBe('email')
    // Changing another contact's email to it is refused the same way.
    const second = await create({ firstName: 'Other', email: 'other@example.test' })
    const clash = await ws.as(ws.rep, `/contacts/${second.id}`, patch({ email: 'Dup@Example.test' }))
    expect(clash.status).toBe(409)
    expect((await clash.json()).existingContactId).toBe(first.id)
    // A colleague's contact is invisible to this rep: still 409, but no id to follow.
    await create({ firstName: 'Hidden', email: 'hidden@example.test' }, colleague)
    const hidden = await ws.as(
      ws.rep,
      '/contacts',
      jsonBody({ firstName: 'H', email: 'hidden@example.test' }),
    )
    expect(hidden.status).toBe(409)
    expect((await hidden.json()).existingContactId).toBeUndefined()

    expect((await ws.as(ws.rep, `/contacts/${first.id}`, del)).status).toBe(204)
    expect((await ws.as(ws.rep, `/contacts/${first.id}`)).status).toBe(404)
    const reused = await create({ firstName: 'Dup again', email: 'dup@example.test' })
    expect(reused.id).not.toBe(first.id)
    expect((await audit()).some((a) => a.action === 'contact.deleted' && a.entityId === first.id)).toBe(true)
  })

  it('bad input → 400/422 naming each field, nothing written', async () => {
    const res = await ws.as(
      ws.rep,
      '/contacts',
      jsonBody({ firstName: '', email: 'not-an-email', phone: 'call me' }),
    )
    expect(res.status).toBe(400)
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['firstName', 'email', 'phone']))
    const orphan = await ws.as(
      ws.rep,
      '/contacts',
      jsonBody({ firstName: 'Orphan', email: 'orphan@example.test', organizationId: crypto.randomUUID() }),
    )
    expect(orphan.status).toBe(422)
    expect((await orphan.json()).errors[0].field).toBe('organizationId')
    const list = await (await ws.as(ws.manager, '/contacts?q=orphan@example.test')).json()
    expect(list.data).toEqual([])
    expect((await ws.as(ws.rep, '/contacts/123')).status).toBe(400)
  })
})
