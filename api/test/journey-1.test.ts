// Journey 1 (issue 3) end to end through the API: signup → verify → contract → activation → the admin
// sets up the workspace → invites a rep → the rep accepts from the emailed link and lands in a workspace
// that already has its default sales process.
import { schema, withTenant } from '@aura/db'
import { describe, expect } from 'vitest'
import { it } from './fixtures.ts'
import { jsonBody, lastEmailTo, linkIn, sessionCookie } from './harness.ts'
import { signInPlatformAdmin } from './platform.ts'

describe('journey 1: from signup to an invited rep signed in', () => {
  it('walks the whole journey', async ({ api }) => {
    const stamp = Date.now().toString(36)
    const founder = { email: `founder-${stamp}@globex.example`, password: 'founder passphrase 1' }
    const slug = `globex-${stamp}`

    // 1. Signup on the root domain; the pre-tenant account confirms its email.
    const signup = await api.request(
      'root',
      '/auth/signup',
      jsonBody({ ...founder, name: 'Grace Founder', companyName: 'Globex' }),
    )
    expect(signup.status).toBe(202)
    const verifyLink = linkIn((await lastEmailTo(api.db, founder.email))?.text)
    const verify = await api.request(
      'root',
      '/auth/verify-email',
      jsonBody({ token: verifyLink.searchParams.get('token') }),
    )
    expect(verify.status).toBe(200)

    // 2. The platform admin finds the account, marks the contract signed and activates it.
    const ops = await signInPlatformAdmin(api)
    const accounts = await (await ops.get('/platform/accounts?contractStatus=none&limit=100')).json()
    const account = accounts.data.find((a: { email: string }) => a.email === founder.email)
    expect(account).toMatchObject({ emailVerified: true, requestedCompanyName: 'Globex' })
    expect((await ops.post(`/platform/accounts/${account.id}/contract`)).status).toBe(200)
    const activation = await ops.post(`/platform/accounts/${account.id}/activate`, {
      slug,
      companyName: 'Globex',
    })
    expect(activation.status).toBe(201)
    const tenant = await activation.json()

    // 3. The new admin signs in on <slug>.<root> and sets the workspace metadata.
    const login = await api.request(slug, '/auth/login', jsonBody(founder))
    expect(login.status).toBe(200)
    expect(await login.json()).toMatchObject({ role: 'admin', tenant: { slug } })
    const admin = sessionCookie(login)
    const metadata = {
      companyName: 'Globex Corporation',
      logoUrl: 'https://cdn.globex.example/logo.svg',
      industry: 'Manufacturing',
      timezone: 'America/Chicago',
    }
    const patched = await api.request(slug, '/workspace', {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify(metadata),
    })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject(metadata)

    // 4. The admin invites a rep; the rep accepts from the emailed link and is signed in.
    const repEmail = `rep-${stamp}@globex.example`
    const invite = await api.request(
      slug,
      '/invitations',
      jsonBody({ email: repEmail, role: 'rep' }, { cookie: admin }),
    )
    expect(invite.status).toBe(201)
    const inviteMail = await lastEmailTo(api.db, repEmail)
    expect(inviteMail?.subject).toContain('Globex Corporation')
    const link = linkIn(inviteMail?.text)
    expect(link.hostname).toBe(`${slug}.aura.test`)
    const repPassword = 'rep passphrase 12345'
    const accepted = await api.request(
      slug,
      '/invitations/accept',
      jsonBody({ token: link.searchParams.get('token'), name: 'Ray Rep', password: repPassword }),
    )
    expect(accepted.status).toBe(201)
    expect(await accepted.json()).toMatchObject({ email: repEmail, role: 'rep', tenant: { slug } })

    // 5. The rep signs in with the new password and finds the default process in place.
    const repLogin = await api.request(
      slug,
      '/auth/login',
      jsonBody({ email: repEmail, password: repPassword }),
    )
    expect(repLogin.status).toBe(200)
    const rep = await repLogin.json()
    const ws = await api.request(slug, '/workspace', { headers: { cookie: sessionCookie(repLogin) } })
    expect((await ws.json()).companyName).toBe('Globex Corporation')
    const processes = await withTenant(api.db, { tenantId: tenant.id, userId: rep.id, role: 'rep' }, (tx) =>
      tx.select().from(schema.salesProcesses),
    )
    expect(processes).toEqual([expect.objectContaining({ isDefault: true, tenantId: tenant.id })])
    const stages = await withTenant(api.db, { tenantId: tenant.id, userId: rep.id, role: 'rep' }, (tx) =>
      tx.select().from(schema.processStages).orderBy(schema.processStages.position),
    )
    expect(stages.map((s) => [s.name, s.winProbability])).toEqual([
      ['Prospect', 10],
      ['Qualified', 25],
      ['Proposal', 50],
      ['Negotiation', 75],
      ['Won', 100],
      ['Lost', 0],
    ])

    // The audit trail tells the story; the rep may not read it.
    const audit = await api.request(slug, '/audit-log?limit=100', { headers: { cookie: admin } })
    const actions = (await audit.json()).data.map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['tenant.activated', 'workspace.updated', 'user.invited', 'user.created']),
    )
    const repAudit = await api.request(slug, '/audit-log', { headers: { cookie: sessionCookie(repLogin) } })
    expect(repAudit.status).toBe(403)
  })
})
