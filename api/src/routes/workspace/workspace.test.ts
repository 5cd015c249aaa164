import { schema } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

const patch = (body: unknown): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('GET/PATCH /workspace', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
  })
  afterAll(() => api.close())

  it('shows the workspace to every member and nobody else', async () => {
    for (const who of [ws.admin, ws.manager, ws.rep]) {
      const res = await ws.as(who, '/workspace')
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ id: ws.tenant.id, slug: ws.slug, timezone: 'UTC' })
    }
    expect((await ws.as(null, '/workspace')).status).toBe(401)
    expect((await api.request('root', '/workspace')).status).toBe(404)
  })

  it('lets an admin set company name, logo, industry, time zone and retention, audited', async () => {
    const body = {
      companyName: 'Acme Rockets',
      logoUrl: 'https://cdn.example.com/acme.png',
      industry: 'Aerospace',
      timezone: 'Europe/Paris',
      retentionDays: 90,
    }
    const res = await ws.as(ws.admin, '/workspace', patch(body))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject(body)
    const [audit] = await api.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'workspace.updated'), eq(schema.auditLog.tenantId, ws.tenant.id)))
    expect(audit).toMatchObject({
      tenantId: ws.tenant.id,
      actorUserId: ws.admin.id,
      before: expect.objectContaining({ timezone: 'UTC', logoUrl: null }),
      after: expect.objectContaining({ timezone: 'Europe/Paris', companyName: 'Acme Rockets' }),
    })
    // Clearing the logo is allowed.
    const cleared = await ws.as(ws.admin, '/workspace', patch({ logoUrl: null }))
    expect((await cleared.json()).logoUrl).toBeNull()
  })

  it.each([
    [{ logoUrl: 'http://cdn.example.com/a.png' }, 'logoUrl'],
    [{ logoUrl: 'not a url' }, 'logoUrl'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ retentionDays: 0 }, 'retentionDays'],
    [{ companyName: '  ' }, 'companyName'],
    [{ slug: 'renamed' }, 'slug'], // an unknown field is named (ADR 0161)
  ])('refuses %j naming the field', async (body, field) => {
    const res = await ws.as(ws.admin, '/workspace', patch(body))
    expect(res.status).toBe(400)
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field)
  })

  it('refuses managers and reps (403) and changes nothing', async () => {
    for (const who of [ws.manager, ws.rep]) {
      const res = await ws.as(who, '/workspace', patch({ companyName: 'Hijacked' }))
      expect(res.status).toBe(403)
      expect((await res.json()).code).toBe('forbidden')
    }
    const [tenant] = await api.db.select().from(schema.tenants).where(eq(schema.tenants.id, ws.tenant.id))
    expect(tenant?.companyName).not.toBe('Hijacked')
  })
})
