import { describe, expect } from 'vitest'
import { it } from '../../test/fixtures.ts'

describe('sessions are bound to the host that issued them', () => {
  it('serves a member on their own workspace', async ({ ws: acme }) => {
    const res = await acme.as(acme.rep, '/me')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      role: 'rep',
      tenant: { slug: acme.slug },
      accountStatus: 'member',
    })
  })

  it("refuses acme's session on globex with 403 and audits the attempt on globex", async ({
    api,
    ws: acme,
    other: globex,
  }) => {
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

  it("refuses acme's session on the root domain", async ({ api, ws: acme }) => {
    expect((await api.request('root', '/me', { headers: { cookie: acme.admin.cookie } })).status).toBe(403)
  })

  it('does not let a member sign in on a workspace they do not belong to', async ({
    api,
    ws: acme,
    other: globex,
  }) => {
    const { jsonBody } = await import('../../test/harness.ts')
    const res = await api.request(
      globex.slug,
      '/auth/login',
      jsonBody({ email: acme.admin.email, password: 'correct horse battery staple' }),
    )
    expect(res.status).toBe(401)
  })
})
