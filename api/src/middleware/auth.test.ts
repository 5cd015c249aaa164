import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../test/harness.ts'
import { createWorkspace } from '../../test/workspace.ts'

describe('sessions are bound to the host that issued them', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let acme: Awaited<ReturnType<typeof createWorkspace>>
  let globex: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    acme = await createWorkspace(api)
    globex = await createWorkspace(api)
  })
  afterAll(() => api.close())

  it('serves a member on their own workspace', async () => {
    const res = await acme.as(acme.rep, '/me')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      role: 'rep',
      tenant: { slug: acme.slug },
      accountStatus: 'member',
    })
  })

  it("refuses acme's session on globex with 403 and audits the attempt on globex", async () => {
    const res = await api.request(globex.slug, '/me', { headers: { cookie: acme.admin.cookie } })
    expect(res.status).toBe(403)
    expect(JSON.stringify(await res.json())).not.toContain(acme.slug)
    const { schema, withTenant } = await import('@aura/db')
    const rows = await withTenant(
      api.db,
      { tenantId: globex.tenant.id, userId: globex.admin.id, role: 'admin' },
      (tx) => tx.select().from(schema.auditLog),
    )
    expect(
      rows.some((r) => r.action === 'security.cross_tenant_attempt' && r.actorUserId === acme.admin.id),
    ).toBe(true)
  })

  it("refuses acme's session on the root domain", async () => {
    expect((await api.request('root', '/me', { headers: { cookie: acme.admin.cookie } })).status).toBe(403)
  })

  it('does not let a member sign in on a workspace they do not belong to', async () => {
    const { jsonBody } = await import('../../test/harness.ts')
    const res = await api.request(
      globex.slug,
      '/auth/login',
      jsonBody({ email: acme.admin.email, password: 'correct horse battery staple' }),
    )
    expect(res.status).toBe(401)
  })
})
