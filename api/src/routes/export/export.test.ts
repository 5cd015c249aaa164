import { createContact, createOrganization } from '@aura/db/seed/index'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody, lastEmailTo } from '../../../test/harness.ts'
import { createWorkspace, type Member } from '../../../test/workspace.ts'

describe('GET /export', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let other: Awaited<ReturnType<typeof createWorkspace>>

  /** The real step-up: ask for a code, read it from the outbox, verify it. */
  async function stepUp(member: Member) {
    expect((await ws.as(member, '/auth/step-up', { method: 'POST' })).status).toBeLessThan(300)
    const code = (await lastEmailTo(api.db, member.email))?.text.match(/\b(\d{6})\b/)?.[1]
    expect(code).toBeDefined()
    expect((await ws.as(member, '/auth/step-up/verify', jsonBody({ code }))).status).toBeLessThan(300)
  }

  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
    other = await createWorkspace(api)
    const org = await createOrganization(api.db, { tenantId: ws.tenant.id, name: 'Acme "Widgets", Inc.' })
    await createContact(api.db, {
      tenantId: ws.tenant.id,
      organizationId: org.id,
      firstName: '=HYPERLINK("http://evil")',
      lastName: 'Smith',
      assignedUserId: ws.rep.id,
    })
    await createOrganization(api.db, { tenantId: other.tenant.id, name: 'Other tenant secret org' })
  })
  afterAll(() => api.close())

  it('refuses managers and reps, and admins without step-up', async () => {
    expect((await ws.as(ws.manager, '/export')).status).toBe(403)
    expect((await ws.as(ws.rep, '/export')).status).toBe(403)
    const res = await ws.as(ws.admin, '/export')
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('step_up_required')
  })

  it('streams the whole workspace as JSON after step-up, and nothing of another tenant', async () => {
    await stepUp(ws.admin)
    const res = await ws.as(ws.admin, '/export')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="aura-export-/)
    const body = await res.json()
    expect(Object.keys(body)).toEqual([
      'exportedAt',
      'organizations',
      'contacts',
      'deals',
      'line-items',
      'activities',
      'products',
    ])
    expect(body.organizations.map((o: { name: string }) => o.name)).toContain('Acme "Widgets", Inc.')
    expect(JSON.stringify(body)).not.toContain('Other tenant secret org')
    expect(body.products.length).toBeGreaterThan(0)
    expect(body.contacts[0]).not.toHaveProperty('tenantId')
  })

  it('streams one entity as CSV, quoting commas and defusing formulas', async () => {
    const res = await ws.as(ws.admin, '/export?format=csv&entity=contacts')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const [header, ...lines] = (await res.text()).trim().split('\r\n')
    expect(header).toContain('firstName')
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://evil"")"`))).toBe(true)
    const orgs = await (await ws.as(ws.admin, '/export?format=csv&entity=organizations')).text()
    expect(orgs).toContain('"Acme ""Widgets"", Inc."')
  })

  it('asks which entity a CSV export is for', async () => {
    const res = await ws.as(ws.admin, '/export?format=csv')
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([
      { field: 'entity', message: 'Choose which records to export as CSV' },
    ])
  })

  it('audits each export', async () => {
    const { schema, withTenant } = await import('@aura/db')
    const rows = await withTenant(
      api.db,
      { tenantId: ws.tenant.id, userId: ws.admin.id, role: 'admin' },
      (tx) => tx.select().from(schema.auditLog),
    )
    expect(rows.filter((r) => r.action === 'tenant.exported').length).toBeGreaterThanOrEqual(3)
  })
})
