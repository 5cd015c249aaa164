import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'
import { jsonBody, lastEmailTo, linkIn, sessionCookie } from '../../../test/harness.ts'

describe('signup → verify email → login on the root domain', () => {
  const email = `founder-${Date.now()}@example.com`
  const password = 'a long enough passphrase'

  it('creates a pre-tenant account and emails a verification link', async ({ api }) => {
    const res = await api.request(
      'root',
      '/auth/signup',
      jsonBody({ email, password, name: 'Fiona Founder' }),
    )
    expect(res.status).toBe(202)
    const mail = await lastEmailTo(api.db, email)
    expect(mail?.template).toBe('verify-email')
    const link = linkIn(mail?.text)
    expect(link.pathname).toBe('/verify-email')
    const verify = await api.request(
      'root',
      '/auth/verify-email',
      jsonBody({ token: link.searchParams.get('token') }),
    )
    expect(verify.status).toBe(200)
    const again = await api.request(
      'root',
      '/auth/verify-email',
      jsonBody({ token: link.searchParams.get('token') }),
    )
    expect(again.status).toBe(400)
  })

  it('answers a second signup with the same email exactly like the first', async ({ api }) => {
    const res = await api.request(
      'root',
      '/auth/signup',
      jsonBody({ email, password: 'another passphrase!', name: 'X' }),
    )
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ message: 'Check your inbox for a link to confirm your email.' })
    expect((await lastEmailTo(api.db, email))?.template).toBe('signup-exists')
  })

  it('rejects a short password naming the field', async ({ api }) => {
    const res = await api.request(
      'root',
      '/auth/signup',
      jsonBody({ email: 'x@example.com', password: 'short', name: 'X' }),
    )
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.code).toBe('validation_failed')
    expect(body.errors).toEqual([{ field: 'password', message: 'Use at least 12 characters' }])
  })

  it('logs in with a host-only, HttpOnly, SameSite=Lax cookie and shows the account awaiting a contract', async ({
    api,
  }) => {
    const res = await api.request('root', '/auth/login', jsonBody({ email: email.toUpperCase(), password }))
    expect(res.status).toBe(200)
    const setCookie = res.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).not.toMatch(/Domain=/i)
    const me = await api.request('root', '/me', { headers: { cookie: sessionCookie(res) } })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({
      email,
      tenant: null,
      role: null,
      accountStatus: 'awaiting_contract',
      emailVerified: true,
    })
  })

  it('gives the same 401 for a wrong password and an unknown email', async ({ api }) => {
    const wrong = await api.request('root', '/auth/login', jsonBody({ email, password: 'not the password' }))
    const unknown = await api.request(
      'root',
      '/auth/login',
      jsonBody({ email: 'nobody@example.com', password }),
    )
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [a, b] = [await wrong.json(), await unknown.json()]
    expect(a.title).toBe(b.title)
  })

  it('ends the session on logout', async ({ api }) => {
    const res = await api.request('root', '/auth/login', jsonBody({ email, password }))
    const cookie = sessionCookie(res)
    expect((await api.request('root', '/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(
      204,
    )
    expect((await api.request('root', '/me', { headers: { cookie } })).status).toBe(401)
  })

  it('keeps no session id, password or email in the logs', ({ api }) => {
    const logs = api.logLines.join('\n')
    expect(logs).not.toContain(email)
    expect(logs).not.toContain(password)
    expect(logs).not.toMatch(/aura_session=/)
  })
})
