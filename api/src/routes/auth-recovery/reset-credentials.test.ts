// Issue 11: a password reset left API tokens working and told nobody, and a workspace member's reset
// link also worked on the root domain. Now a reset ends every credential and emails the user, and reset
// and invitation links work only on the host they were issued for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody, lastEmailTo, linkIn } from '../../../test/harness.ts'
import { createWorkspace } from '../../../test/workspace.ts'

const NEW_PASSWORD = 'a brand new passphrase'

describe('password reset ends every credential; links are bound to their host', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let acme: Awaited<ReturnType<typeof createWorkspace>>
  let globex: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    acme = await createWorkspace(api)
    globex = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const resetToken = async (host: string, email: string) => {
    expect((await api.request(host, '/auth/password-reset', jsonBody({ email }))).status).toBe(202)
    const mail = await lastEmailTo(api.db, email)
    expect(mail?.template).toBe('password-reset')
    return linkIn(mail?.text).searchParams.get('token') as string
  }
  const confirm = (host: string, token: string) =>
    api.request(host, '/auth/password-reset/confirm', jsonBody({ token, password: NEW_PASSWORD }))

  it('revokes the user’s API tokens and emails them that the password changed', async () => {
    const user = await acme.member('manager')
    const created = await (await acme.as(user, '/tokens', jsonBody({ name: 'CI' }))).json()
    const bearer = { headers: { authorization: `Bearer ${created.token}` } }
    expect((await api.request(acme.slug, '/me', bearer)).status).toBe(200)

    expect((await confirm(acme.slug, await resetToken(acme.slug, user.email))).status).toBe(200)

    expect((await api.request(acme.slug, '/me', bearer)).status).toBe(401)
    const notice = await lastEmailTo(api.db, user.email)
    expect(notice?.template).toBe('password-changed')
    expect(notice?.tenantId).toBe(acme.tenant.id)
    expect(notice?.text).toMatch(/API token/)
  })

  it('a workspace link works neither on the root domain nor on another workspace', async () => {
    const user = await acme.member('rep')
    const token = await resetToken(acme.slug, user.email)
    for (const host of ['root', globex.slug]) {
      const res = await confirm(host, token)
      expect(res.status, host).toBe(400)
      expect((await res.json()).errors).toEqual([expect.objectContaining({ field: 'token' })])
    }
    expect((await confirm(acme.slug, token)).status).toBe(200)
  })

  it('a link asked for on the root domain works only there', async () => {
    const user = await acme.member('rep')
    const token = await resetToken('root', user.email)
    expect((await confirm(acme.slug, token)).status).toBe(400)
    expect((await confirm('root', token)).status).toBe(200)
  })

  it('an invitation link works only on its workspace', async () => {
    const email = `invitee-${crypto.randomUUID()}@example.com`
    expect((await acme.as(acme.admin, '/invitations', jsonBody({ email, role: 'rep' }))).status).toBe(201)
    const token = linkIn((await lastEmailTo(api.db, email))?.text).searchParams.get('token') as string
    const accept = (host: string) =>
      api.request(host, '/invitations/accept', jsonBody({ token, name: 'New Rep', password: NEW_PASSWORD }))
    expect((await accept('root')).status).toBeGreaterThanOrEqual(400)
    expect((await accept(globex.slug)).status).toBe(400)
    expect((await accept(acme.slug)).status).toBe(201)
  })
})
