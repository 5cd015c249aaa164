import { schema, withPlatform } from '@aura/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody, lastEmailTo, sessionCookie } from '../../../test/harness.ts'
import { createWorkspace, type Member, TEST_PASSWORD } from '../../../test/workspace.ts'
import { sha256Hex } from '../../lib/tokens.ts'
import { requireStepUp } from '../../middleware/step-up.ts'

describe('step-up verification for sensitive operations (NFR-S8)', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let acme: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    // A stand-in for a sensitive operation (user deletion, export…), guarded like the real ones.
    api.app.post('/api/v1/__sensitive', (c) => {
      requireStepUp(c)
      return c.json({ ok: true })
    })
    acme = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const sensitive = (who: Member | null, headers: Record<string, string> = {}) =>
    acme.as(who, '/__sensitive', { method: 'POST', headers })
  const emailedCode = async (who: Member) => {
    expect((await acme.as(who, '/auth/step-up', { method: 'POST' })).status).toBe(202)
    const mail = await lastEmailTo(api.db, who.email)
    expect(mail?.template).toBe('step-up-code')
    return mail?.text.match(/\b(\d{6})\b/)?.[1] as string
  }
  const verify = (who: Member, code: string) => acme.as(who, '/auth/step-up/verify', jsonBody({ code }))
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

  it('refuses a sensitive operation until an emailed code is verified, then allows it on that session only', async () => {
    const admin = await acme.member('admin')
    const res = await sensitive(admin)
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('step_up_required')

    const code = await emailedCode(admin)
    const ok = await verify(admin, code)
    expect(ok.status).toBe(200)
    const { elevatedUntil } = await ok.json()
    const minutes = (new Date(elevatedUntil).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(9.5)
    expect(minutes).toBeLessThanOrEqual(10)
    expect((await sensitive(admin)).status).toBe(200)

    // Another session of the same user is not elevated.
    const login = await api.request(
      acme.slug,
      '/auth/login',
      jsonBody({ email: admin.email, password: TEST_PASSWORD }),
    )
    expect((await sensitive({ ...admin, cookie: sessionCookie(login) })).status).toBe(403)
    // The code is single use.
    expect((await verify(admin, code)).status).toBe(400)
  })

  it('ends the window after 10 minutes', async () => {
    const admin = await acme.member('admin')
    expect((await verify(admin, await emailedCode(admin))).status).toBe(200)
    const sessionHash = await sha256Hex(admin.cookie.split('=')[1] as string)
    await withPlatform(api.db, 'step-up', (tx) =>
      tx
        .update(schema.sessions)
        .set({ elevatedUntil: new Date(Date.now() - 1000) })
        .where(eq(schema.sessions.id, sessionHash)),
    )
    expect((await sensitive(admin)).status).toBe(403)
  })

  it('names the code on a wrong guess and locks the code after 5 attempts', async () => {
    const rep = acme.rep
    const code = await emailedCode(rep)
    for (let i = 0; i < 5; i++) {
      const res = await verify(rep, wrong(code))
      expect(res.status).toBe(400)
      expect((await res.json()).errors[0].field).toBe('code')
    }
    const late = await verify(rep, code)
    expect(late.status).toBe(400)
    expect((await late.json()).title).toMatch(/new one/)
    expect((await verify(rep, await emailedCode(rep))).status).toBe(200)
  })

  it('rejects an expired code, and a newer code retires the older one', async () => {
    const manager = acme.manager
    const older = await emailedCode(manager)
    const newer = await emailedCode(manager)
    if (older !== newer) expect((await verify(manager, older)).status).toBe(400)
    await api.db
      .update(schema.stepUpCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.stepUpCodes.userId, manager.id))
    expect((await verify(manager, newer)).status).toBe(400)
  })

  it('never elevates an API token: it cannot ask for a code nor pass the guard', async () => {
    const created = await (await acme.as(acme.admin, '/tokens', jsonBody({ name: 'ops' }))).json()
    const bearer = { authorization: `Bearer ${created.token}` }
    const ask = await api.request(acme.slug, '/auth/step-up', { method: 'POST', headers: bearer })
    expect(ask.status).toBe(403)
    expect((await ask.json()).code).toBe('step_up_required')
    expect((await sensitive(null, bearer)).status).toBe(403)
  })

  it('needs a signed-in caller', async () => {
    expect((await acme.as(null, '/auth/step-up', { method: 'POST' })).status).toBe(401)
    expect((await sensitive(null)).status).toBe(401)
  })

  it('never logs the code', () => {
    expect(api.logLines.join('\n')).not.toMatch(/verification code/)
  })
})
