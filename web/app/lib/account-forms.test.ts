// The account forms on Conform (ADR 0150): the rules they add to what forms.server.test.ts covers. The
// profile sends all four fields (a blank one clears it) though the API's patch takes any subset; a token's
// blank lifetime is "never"; the console's forms carry the row's id beside the API body; and a refused
// emailed token lands on `token`, which is what turns the page into "this link does not work".
import { createLogger } from '@aura/api/lib/logger'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../../../api/test/harness.ts'
import { createWorkspace } from '../../../api/test/workspace.ts'
import '../load-context.ts'
import { action as acceptInvitation } from '../routes/invitations.accept.tsx'
import { action as resetPassword } from '../routes/reset-password.tsx'
import { parseForm } from './forms.server.ts'
import { ZCreateToken, ZProfileFields, ZSignup } from './inputs.server.ts'
import { ZActivateForm } from './platform-forms.server.ts'

const form = (entries: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(entries)) f.append(k, v)
  return f
}
const UUID = '0b9a6a4e-7f3c-4c6e-9d5a-2f1e8b7c6d5e'

describe('parsing the account forms', () => {
  it('profile: the name stays required, blank optional fields are null (cleared), the intent is not sent', () => {
    const blank = parseForm(form({ intent: 'profile', name: ' ', department: '', phone: '' }), ZProfileFields)
    expect(blank.reply().error).toMatchObject({ name: ['Enter a name'] })
    const s = parseForm(
      form({ intent: 'profile', name: 'Ada', department: '', phone: ' ', avatarUrl: '', timezone: '' }),
      ZProfileFields,
    )
    expect(s.status === 'success' && s.value).toEqual({
      name: 'Ada',
      department: null,
      phone: null,
      avatarUrl: null,
      timezone: null, // the workspace's (ADR 0164)
    })
  })

  it('token: a blank lifetime is left out (never expires), a chosen one is a number of days', () => {
    const never = parseForm(form({ intent: 'create-token', name: 'CI', expiresInDays: '' }), ZCreateToken)
    expect(never.status === 'success' && never.value).toEqual({ name: 'CI' })
    const days = parseForm(form({ name: 'CI', expiresInDays: '90' }), ZCreateToken)
    expect(days.status === 'success' && days.value).toEqual({ name: 'CI', expiresInDays: 90 })
    expect(parseForm(form({ name: '' }), ZCreateToken).reply().error).toMatchObject({
      name: ['Name the token'],
    })
  })

  it('signup: a blank company name is left out', () => {
    const s = parseForm(
      form({ name: 'Rosa', email: 'Rosa@Example.com', password: 'a long passphrase', companyName: '' }),
      ZSignup,
    )
    expect(s.status === 'success' && s.value).toEqual({
      name: 'Rosa',
      email: 'rosa@example.com',
      password: 'a long passphrase',
    })
  })

  it('activate: the row id beside the API body, and the slug rule on the slug', () => {
    const bad = parseForm(
      form({ intent: 'activate', id: UUID, slug: 'Not a slug!', companyName: 'X' }),
      ZActivateForm,
    )
    expect(bad.reply().error?.slug?.[0]).toMatch(/^Use 1–63 lowercase letters/)
    const ok = parseForm(
      form({ intent: 'activate', id: UUID, slug: 'Globex', companyName: 'G' }),
      ZActivateForm,
    )
    expect(ok.status === 'success' && ok.value).toEqual({ id: UUID, slug: 'globex', companyName: 'G' })
  })
})

describe('an emailed token the API refuses', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let slug: string
  beforeAll(async () => {
    api = await createTestApi()
    slug = (await createWorkspace(api)).slug
  }, 120_000)
  afterAll(() => api?.close())

  const context = (): AppLoadContext => ({
    apiFetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      api.app.fetch(new Request(input, init))) as typeof fetch,
    requestId: 'account-forms',
    log: createLogger('error'),
    rootDomain: 'aura.test',
  })
  const post = (url: string, fields: Record<string, string>) =>
    new Request(url, { method: 'POST', body: new URLSearchParams(fields) })
  // Well formed (the schema passes it) but never issued: only the API can refuse it.
  const token = 'x'.repeat(40)
  const password = 'a long enough passphrase'

  it('reset: the refusal is on `token` (the page says the link does not work), the password not sent back', async () => {
    const request = post('http://aura.test/reset-password', { token, password })
    const answer = await resetPassword({ request, context: context(), params: {} })
    if (!('data' in answer)) throw new Error(`answered ${answer.status}`)
    expect(answer.init?.status).toBe(400)
    expect(answer.data.error?.token).toHaveLength(1)
    expect(answer.data.initialValue).toEqual({ token })
  })

  it('invitation: the refusal is on `token`, not on the name or password the person typed', async () => {
    const request = post(`http://${slug}.aura.test/invitations/accept`, { token, name: 'Ray', password })
    const answer = await acceptInvitation({ request, context: context(), params: {} })
    if (!('data' in answer)) throw new Error(`answered ${answer.status}`)
    expect(answer.data.error?.token).toHaveLength(1)
    expect(answer.data.error).not.toHaveProperty('name')
    expect(answer.data.initialValue).toEqual({ token, name: 'Ray' })
  })
})
