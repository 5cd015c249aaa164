// GDPR for one contact and for the workspace (issue 15, ADR 0173), on a real database: the access export holds
// every kind of record, erasure leaves no personal value in any column of any table (read from the catalog,
// so a table added later is scanned too) while the audit rows stay, and only an admin after step-up may erase
// or delete the workspace.
import { schema } from '@aura/db'
import { uniq } from '@aura/db/seed/index'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace, elevate } from '../../../test/workspace.ts'

type Api = Awaited<ReturnType<typeof createTestApi>>
type Ws = Awaited<ReturnType<typeof createWorkspace>>

let api: Api
let ws: Ws
let other: Ws

beforeAll(async () => {
  // One workspace serves every test here (each person's history is ~20 of the admin's requests, an import's
  // progress polled among them): the per-user limit of 100 a minute is not what these tests are about.
  api = await createTestApi({ RATE_LIMIT_USER_PER_MINUTE: '100000' })
  ws = await createWorkspace(api)
  other = await createWorkspace(api)
})
afterAll(() => api.close())

/** A contact with a record of every kind about them, written through the API so audit and outbox follow. */
async function personWithHistory(w: Ws) {
  const tag = uniq().replace(/[^a-z0-9]/gi, '')
  const person = {
    firstName: `Zephyrine${tag}`,
    lastName: `Quillfeather${tag}`,
    email: `zq.${tag}@example.org`,
    oldEmail: `old.${tag}@example.org`,
    phone: `+44 20 7946 ${tag.slice(-4).replace(/\D/g, '7').padStart(4, '7')}`,
    linkedin: `https://linkedin.example/in/zq-${tag}`,
  }
  const key = `linkedin_${tag.toLowerCase()}`.slice(0, 60)
  const field = await w.as(
    w.admin,
    '/custom-fields',
    jsonBody({ entity: 'contact', key, label: `LinkedIn ${tag}`, type: 'text' }),
  )
  expect(field.status).toBe(201)
  const created = await w.as(
    w.admin,
    '/contacts',
    jsonBody(
      {
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.oldEmail,
        phone: person.phone,
        assignedUserId: w.rep.id,
        customFields: { [key]: person.linkedin },
      },
      { 'Idempotency-Key': `create-${tag}` },
    ),
  )
  expect(created.status).toBe(201)
  const contact = (await created.json()) as { id: string }
  // An earlier address, kept by the audit trail of the change.
  const changed = await w.as(w.admin, `/contacts/${contact.id}`, {
    ...jsonBody({ email: person.email }),
    method: 'PATCH',
  })
  expect(changed.status).toBe(200)
  const activity = await w.as(
    w.admin,
    `/contacts/${contact.id}/activities`,
    jsonBody({
      type: 'call',
      subject: `Call with ${person.firstName}`,
      description: `${person.firstName} ${person.lastName} asked to be called on ${person.phone}`,
    }),
  )
  expect(activity.status).toBe(201)
  const task = await w.as(
    w.admin,
    '/tasks',
    jsonBody({
      type: 'call',
      subject: `Call ${person.firstName} back`,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      contactId: contact.id,
      assigneeUserId: w.rep.id,
    }),
  )
  expect(task.status).toBe(201)
  const deal = await w.as(
    w.admin,
    '/deals',
    jsonBody({ name: `Renewal ${tag}`, contactId: contact.id, assignedUserId: w.rep.id }),
  )
  expect(deal.status).toBe(201)
  // A file that updated them (its cells and the values it replaced are kept for undo, ADR 0174), with a
  // second row skipped as the same person.
  const file = new FormData()
  file.set('entity', 'contact')
  const row = `${person.email},Chief ${tag},${person.firstName} ${person.lastName}`
  file.set('file', new Blob([`Email,Title,Name\n${row}\n${row}\n`], { type: 'text/csv' }), 'people.csv')
  const upload = (await (await w.as(w.admin, '/imports', { method: 'POST', body: file })).json()) as {
    id: string
  }
  const mapped = await w.as(w.admin, `/imports/${upload.id}`, {
    ...jsonBody({ dedupeMode: 'update' }),
    method: 'PATCH',
  })
  expect(mapped.status).toBe(200)
  expect((await w.as(w.admin, `/imports/${upload.id}/start`, jsonBody({}))).status).toBe(202)
  for (let i = 0; ; i++) {
    const state = (await (await w.as(w.admin, `/imports/${upload.id}`)).json()) as { status?: string }
    if (state.status === 'done') break
    if (i > 150) throw new Error('the import never finished')
    await new Promise((r) => setTimeout(r, 200))
  }
  // A duplicate merged into them, choosing its title (the merge keeps their values for undo, ADR 0172).
  const dup = await w.as(w.admin, '/contacts', jsonBody({ firstName: `Dup${tag}`, title: 'Buyer' }))
  const dupId = ((await dup.json()) as { id: string }).id
  const merged = await w.as(
    w.admin,
    '/duplicates/merges',
    jsonBody({ entity: 'contact', survivorId: contact.id, otherId: dupId, fields: { title: 'other' } }),
  )
  expect(merged.status).toBeLessThan(300)
  return {
    ...person,
    id: contact.id,
    dealId: ((await deal.json()) as { id: string }).id,
    taskId: ((await task.json()) as { id: string }).id,
  }
}

/** Every text-like column of every public table holding the value (case-insensitive), as table.column. */
async function whereFound(value: string): Promise<string[]> {
  const columns = (await api.db.execute(sql`
    select c.table_name as t, c.column_name as c from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
        or c.udt_name = 'citext')`)) as unknown as { rows: { t: string; c: string }[] }
  expect(columns.rows.length).toBeGreaterThan(50)
  const found: string[] = []
  for (const { t, c } of columns.rows) {
    const hit = (await api.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(t)} where strpos(lower(${sql.identifier(c)}::text), lower(${value})) > 0`,
    )) as unknown as { rows: { n: number }[] }
    if ((hit.rows[0]?.n ?? 0) > 0) found.push(`${t}.${c}`)
  }
  return found
}

const auditCount = async (tenantId: string) =>
  (
    (await api.db.execute(
      sql`select count(*)::int as n from audit_log where tenant_id = ${tenantId}`,
    )) as unknown as { rows: { n: number }[] }
  ).rows[0]?.n ?? 0

describe('GET /contacts/{id}/personal-data', () => {
  it('holds the contact with custom fields, activities, tasks, deals, notifications and audit entries', async () => {
    const p = await personWithHistory(ws)
    const res = await ws.as(ws.admin, `/contacts/${p.id}/personal-data`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="aura-contact-${p.id}.json"`)
    const body = await res.json()
    expect(body.contact).toMatchObject({ id: p.id, email: p.email, phone: p.phone, firstName: p.firstName })
    expect(Object.values(body.contact.customFields)).toEqual([p.linkedin])
    expect(body.contact).not.toHaveProperty('tenantId')
    expect(body.activities).toHaveLength(1)
    expect(body.activities[0].description).toContain(p.lastName)
    expect(body.tasks.map((t: { id: string }) => t.id)).toEqual([p.taskId])
    expect(body.deals.map((d: { id: string }) => d.id)).toEqual([p.dealId])
    // The rep owns the contact: the admin's activity and task told them (their notifications, not the admin's).
    expect(body.notifications.length).toBeGreaterThanOrEqual(2)
    expect(new Set(body.notifications.map((n: { recipientUserId: string }) => n.recipientUserId))).toEqual(
      new Set([ws.rep.id]),
    )
    const actions = body.auditLog.map((a: { action: string }) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['contact.created', 'contact.updated', 'task.created']))
    expect(JSON.stringify(body.auditLog)).toContain(p.oldEmail)
  })

  it('is for admins only, and another tenant’s or an unknown id is a 404', async () => {
    const p = await personWithHistory(ws)
    expect((await ws.as(ws.manager, `/contacts/${p.id}/personal-data`)).status).toBe(403)
    expect((await ws.as(ws.rep, `/contacts/${p.id}/personal-data`)).status).toBe(403)
    expect((await other.as(other.admin, `/contacts/${p.id}/personal-data`)).status).toBe(404)
    expect((await ws.as(ws.admin, `/contacts/${crypto.randomUUID()}/personal-data`)).status).toBe(404)
    expect((await ws.as(ws.admin, '/contacts/not-an-id/personal-data')).status).toBe(400)
  })
})

describe('POST /contacts/{id}/erase', () => {
  it('is refused without step-up, to managers and reps, and with a wrong name, changing nothing', async () => {
    const p = await personWithHistory(ws)
    const confirm = { confirm: `${p.firstName} ${p.lastName}` }
    const without = await ws.as(ws.admin, `/contacts/${p.id}/erase`, jsonBody(confirm))
    expect(without.status).toBe(403)
    expect((await without.json()).code).toBe('step_up_required')
    await elevate(api, ws.manager)
    await elevate(api, ws.rep)
    expect((await ws.as(ws.manager, `/contacts/${p.id}/erase`, jsonBody(confirm))).status).toBe(403)
    expect((await ws.as(ws.rep, `/contacts/${p.id}/erase`, jsonBody(confirm))).status).toBe(403)
    await elevate(api, ws.admin)
    const wrong = await ws.as(ws.admin, `/contacts/${p.id}/erase`, jsonBody({ confirm: 'Someone Else' }))
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors).toEqual([
      { field: 'confirm', message: "Does not match the contact's full name" },
    ])
    const empty = await ws.as(ws.admin, `/contacts/${p.id}/erase`, jsonBody({}))
    expect(empty.status).toBe(400)
    expect(((await empty.json()).errors as { field: string }[]).map((e) => e.field)).toEqual(['confirm'])
    expect((await ws.as(ws.admin, `/contacts/${p.id}`)).status).toBe(200)
  })

  it('refuses another tenant’s contact as unknown (404), leaving it whole', async () => {
    const p = await personWithHistory(ws)
    await elevate(api, other.admin)
    const res = await other.as(
      other.admin,
      `/contacts/${p.id}/erase`,
      jsonBody({ confirm: `${p.firstName} ${p.lastName}` }),
    )
    expect(res.status).toBe(404)
    expect((await ws.as(ws.admin, `/contacts/${p.id}`)).status).toBe(200)
  })

  it('leaves no personal value in any table, keeps the audit rows (+1) with a pseudonym, and the deal', async () => {
    const p = await personWithHistory(ws)
    const bystander = await personWithHistory(ws)
    const values = [p.email, p.oldEmail, p.phone, p.firstName, p.lastName, p.linkedin]
    // Before: the values are there, in the contact, the audit payloads, the activity and the task at least.
    const before = await whereFound(p.email)
    expect(before).toEqual(expect.arrayContaining(['contacts.email', 'audit_log.after']))
    expect(await whereFound(p.lastName)).toEqual(expect.arrayContaining(['activities.description']))
    // …and in the queued notification e-mails, the task, and the stored answer to the keyed create.
    expect(await whereFound(p.firstName)).toEqual(
      expect.arrayContaining([
        'email_outbox.text',
        'email_outbox.html',
        'tasks.subject',
        'activities.description',
        'audit_log.after',
        'idempotency_keys.response_body',
      ]),
    )
    expect(await whereFound(p.oldEmail)).toEqual(expect.arrayContaining(['audit_log.before']))
    const audited = await auditCount(ws.tenant.id)
    await elevate(api, ws.admin)
    const res = await ws.as(
      ws.admin,
      `/contacts/${p.id}/erase`,
      jsonBody({ confirm: `  ${p.firstName.toUpperCase()}   ${p.lastName} ` }),
    )
    const erased = await res.json()
    expect(res.status).toBe(200)
    expect(erased).toMatchObject({ activitiesDeleted: 1, tasksDeleted: 1, dealsUnlinked: 1 })
    expect(erased.pseudonym).toMatch(/^erased:[0-9a-f]{16}$/)
    expect(erased.auditEntriesPseudonymised).toBeGreaterThanOrEqual(3)

    for (const v of values) expect({ value: v, found: await whereFound(v) }).toEqual({ value: v, found: [] })
    // The audit rows are all there, plus the one saying so; the pseudonym stands where the values were.
    expect(await auditCount(ws.tenant.id)).toBe(audited + 1)
    const rows = await api.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, p.id))
      .orderBy(schema.auditLog.createdAt)
    expect(rows.map((r) => r.action)).toEqual([
      'contact.created',
      'contact.updated',
      'contact.updated', // by the import
      'contact.merged',
      'contact.erased',
    ])
    expect(JSON.stringify(rows[0]?.after)).toContain(erased.pseudonym)
    expect(rows.at(-1)?.after).toEqual(erased)
    // The deal stays, without the link; the contact and its records are gone.
    const [deal] = await api.db.select().from(schema.deals).where(eq(schema.deals.id, p.dealId))
    expect(deal?.contactId).toBeNull()
    expect((await ws.as(ws.admin, `/contacts/${p.id}`)).status).toBe(404)
    expect((await ws.as(ws.admin, `/contacts/${p.id}/personal-data`)).status).toBe(404)
    // Someone else in the same workspace keeps everything.
    expect(await whereFound(bystander.email)).toEqual(expect.arrayContaining(['contacts.email']))
    expect((await ws.as(ws.admin, `/contacts/${bystander.id}/personal-data`)).status).toBe(200)
    // Erasing again: the contact is unknown now.
    const again = await ws.as(
      ws.admin,
      `/contacts/${p.id}/erase`,
      jsonBody({ confirm: `${p.firstName} ${p.lastName}` }),
    )
    expect(again.status).toBe(404)
  })

  it('keeps the guards for everyone else: crm_app still cannot change an audit row or delete an activity', async () => {
    const p = await personWithHistory(ws)
    const attempt = (statement: ReturnType<typeof sql>) =>
      api.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'crm_app', true),
          set_config('app.current_tenant_id', ${ws.tenant.id}, true),
          set_config('app.current_user_id', ${ws.admin.id}, true),
          set_config('app.current_role', 'admin', true)`)
        await tx.execute(statement)
      })
    await expect(
      attempt(sql`update audit_log set after = '{}' where entity_id = ${p.id}::uuid`),
    ).rejects.toThrow()
    await expect(attempt(sql`delete from activities where contact_id = ${p.id}::uuid`)).rejects.toThrow()
    // The privileged function refuses a member who is not an admin, even when called directly.
    const asRep = api.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'crm_app', true),
        set_config('app.current_tenant_id', ${ws.tenant.id}, true),
        set_config('app.current_user_id', ${ws.rep.id}, true),
        set_config('app.current_role', 'rep', true)`)
      await tx.execute(sql`select * from erase_contact(${p.id}::uuid)`)
    })
    await expect(asRep).rejects.toThrow()
    expect((await ws.as(ws.admin, `/contacts/${p.id}`)).status).toBe(200)
  })
})

describe('POST /workspace/deletion', () => {
  it('is refused to managers and reps, without step-up and with a wrong address', async () => {
    const w = await createWorkspace(api)
    const body = jsonBody({ confirm: w.slug })
    const noStepUp = await w.as(w.admin, '/workspace/deletion', body)
    expect(noStepUp.status).toBe(403)
    expect((await noStepUp.json()).code).toBe('step_up_required')
    await elevate(api, w.manager)
    await elevate(api, w.rep)
    expect((await w.as(w.manager, '/workspace/deletion', body)).status).toBe(403)
    expect((await w.as(w.rep, '/workspace/deletion', body)).status).toBe(403)
    await elevate(api, w.admin)
    const wrong = await w.as(w.admin, '/workspace/deletion', jsonBody({ confirm: 'not-this-one' }))
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors).toEqual([{ field: 'confirm', message: `Must be ${w.slug}` }])
    const [tenant] = await api.db.select().from(schema.tenants).where(eq(schema.tenants.id, w.tenant.id))
    expect(tenant?.status).toBe('active')
  })

  it('closes the workspace at once and schedules its purge after the retention period, audited', async () => {
    const w = await createWorkspace(api)
    await elevate(api, w.admin)
    const started = Date.now()
    const res = await w.as(w.admin, '/workspace/deletion', jsonBody({ confirm: w.slug.toUpperCase() }))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ slug: w.slug, status: 'deleted' })
    const [tenant] = await api.db.select().from(schema.tenants).where(eq(schema.tenants.id, w.tenant.id))
    expect(tenant?.status).toBe('deleted')
    const retentionMs = (tenant?.retentionDays ?? 0) * 86_400_000
    expect(new Date(body.purgeAfter).getTime()).toBeGreaterThanOrEqual(started + retentionMs - 1000)
    // Closed for everyone at once: the admin's own session included.
    expect((await w.as(w.admin, '/workspace')).status).toBe(404)
    expect((await w.as(w.rep, '/contacts')).status).toBe(404)
    const audit = await api.db.select().from(schema.auditLog).where(eq(schema.auditLog.tenantId, w.tenant.id))
    expect(audit.find((a) => a.action === 'tenant.deleted')?.actorUserId).toBe(w.admin.id)
    const platform = await api.db
      .select()
      .from(schema.platformAuditLog)
      .where(eq(schema.platformAuditLog.targetTenantId, w.tenant.id))
    expect(platform.map((a) => a.action)).toContain('tenant.deleted')
  })
})
