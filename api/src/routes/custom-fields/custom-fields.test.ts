import { schema, withTenant } from '@aura/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

const patch = (body: unknown): RequestInit => ({ ...jsonBody(body), method: 'PATCH' })

describe('custom fields: admins define, everyone reads, writes are validated', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const define = (body: object, who = ws.admin) => ws.as(who, '/custom-fields', jsonBody(body))

  it('lets an admin define fields and every role read them; managers and reps may not define', async () => {
    const res = await define({ entity: 'contact', key: 'linkedin', label: 'LinkedIn', type: 'text' })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ key: 'linkedin', type: 'text', options: [], required: false })
    for (const who of [ws.manager, ws.rep]) {
      expect((await define({ entity: 'contact', key: 'x', label: 'X', type: 'text' }, who)).status).toBe(403)
      const list = await ws.as(who, '/custom-fields?entity=contact')
      expect((await list.json()).data.map((d: { key: string }) => d.key)).toContain('linkedin')
    }
  })

  it('refuses bad definitions naming the field, and a reused key with 409', async () => {
    const bad = await define({ entity: 'contact', key: 'LinkedIn URL', label: '', type: 'text' })
    expect(bad.status).toBe(400)
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['key', 'label']))
    const noOptions = await define({ entity: 'deal', key: 'tier', label: 'Tier', type: 'select' })
    expect(noOptions.status).toBe(400)
    expect((await noOptions.json()).errors[0].field).toBe('options')
    const again = await define({ entity: 'contact', key: 'linkedin', label: 'Again', type: 'text' })
    expect(again.status).toBe(409)
    expect((await again.json()).errors[0].field).toBe('key')
  })

  it('validates values on contacts: unknown keys and wrong types → 400 customFields.<key>', async () => {
    await define({ entity: 'contact', key: 'employees', label: 'Employees', type: 'number' })
    await define({ entity: 'contact', key: 'met_on', label: 'Met on', type: 'date' })
    await define({
      entity: 'contact',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: ['gold', 'silver'],
    })
    const res = await ws.as(
      ws.rep,
      '/contacts',
      jsonBody({
        firstName: 'Val',
        customFields: { nope: 1, employees: '12', met_on: '2024-02-30', tier: 'bronze', linkedin: 5 },
      }),
    )
    expect(res.status).toBe(400)
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field).sort()
    expect(fields).toEqual([
      'customFields.employees',
      'customFields.linkedin',
      'customFields.met_on',
      'customFields.nope',
      'customFields.tier',
    ])
    const ok = await ws.as(
      ws.rep,
      '/contacts',
      jsonBody({ firstName: 'Val', customFields: { employees: 12, met_on: '2024-02-29', tier: 'gold' } }),
    )
    expect(ok.status).toBe(201)
    const contact = await ok.json()
    expect(contact.customFields).toEqual({ employees: 12, met_on: '2024-02-29', tier: 'gold' })
    // A patch merges; null removes a key.
    const changed = await ws.as(ws.rep, `/contacts/${contact.id}`, patch({ customFields: { tier: null } }))
    expect((await changed.json()).customFields).toEqual({ employees: 12, met_on: '2024-02-29' })
  })

  it('enforces required fields on create and refuses removing them', async () => {
    await define({ entity: 'organization', key: 'region', label: 'Region', type: 'text', required: true })
    const missing = await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Initech' }))
    expect(missing.status).toBe(400)
    expect((await missing.json()).errors[0].field).toBe('customFields.region')
    const org = await (
      await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Initech', customFields: { region: 'EU' } }))
    ).json()
    const removed = await ws.as(ws.rep, `/organizations/${org.id}`, patch({ customFields: { region: null } }))
    expect(removed.status).toBe(400)
  })

  it('retires a definition on delete (admins only): new writes refuse the key, stored values stay', async () => {
    const def = await (await define({ entity: 'contact', key: 'twitter', label: 'X', type: 'text' })).json()
    const contact = await (
      await ws.as(ws.rep, '/contacts', jsonBody({ firstName: 'Tw', customFields: { twitter: '@tw' } }))
    ).json()
    expect((await ws.as(ws.manager, `/custom-fields/${def.id}`, { method: 'DELETE' })).status).toBe(403)
    expect((await ws.as(ws.admin, `/custom-fields/${def.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await ws.as(ws.admin, `/custom-fields/${def.id}`, { method: 'DELETE' })).status).toBe(404)
    const refused = await ws.as(
      ws.rep,
      '/contacts',
      jsonBody({ firstName: 'T', customFields: { twitter: '@t' } }),
    )
    expect(refused.status).toBe(400)
    const kept = await (await ws.as(ws.rep, `/contacts/${contact.id}`)).json()
    expect(kept.customFields).toEqual({ twitter: '@tw' })
    const audit = await withTenant(api.db, { tenantId: ws.tenant.id, role: 'admin' }, (tx) =>
      tx.select().from(schema.auditLog),
    )
    expect(audit.some((r) => r.action === 'custom_field.deleted' && r.entityId === def.id)).toBe(true)
  })

  it("another workspace's definition is not found and does not apply", async () => {
    const other = await createWorkspace(api)
    const def = await (await define({ entity: 'deal', key: 'source', label: 'Source', type: 'text' })).json()
    expect((await other.as(other.admin, `/custom-fields/${def.id}`, { method: 'DELETE' })).status).toBe(404)
    const list = await (await other.as(other.admin, '/custom-fields')).json()
    expect(list.data).toEqual([])
  })
})
