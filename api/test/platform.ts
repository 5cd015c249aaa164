// Fixtures for platform and identity tests: a signed-in platform admin, a verified signup, a raw API token.
import { schema } from '@aura/db'
import { createUser, uniq } from '@aura/db/seed/index'
import { randomToken, sha256Hex } from '../src/lib/tokens.ts'
import { type createTestApi, jsonBody, lastEmailTo, linkIn, sessionCookie } from './harness.ts'
import { TEST_PASSWORD } from './workspace.ts'

type TestApi = Awaited<ReturnType<typeof createTestApi>>

/** A platform admin signed in on the root domain; `post`/`get` call the platform console as them. */
export async function signInPlatformAdmin(api: TestApi) {
  const email = `ops-${uniq()}@aura.test`
  const user = await createUser(api.db, { email, isPlatformAdmin: true, password: TEST_PASSWORD })
  const res = await api.request('root', '/auth/login', jsonBody({ email, password: TEST_PASSWORD }))
  if (res.status !== 200) throw new Error(`platform admin login failed: ${res.status}`)
  const cookie = sessionCookie(res)
  return {
    id: user.id,
    cookie,
    get: (path: string) => api.request('root', path, { headers: { cookie } }),
    post: (path: string, body: unknown = {}) => api.request('root', path, jsonBody(body, { cookie })),
  }
}

/** Signs up through the API and follows the emailed verification link; returns the account id. */
export async function signUpVerified(api: TestApi, email = `founder-${uniq()}@example.com`) {
  const signup = await api.request(
    'root',
    '/auth/signup',
    jsonBody({ email, password: TEST_PASSWORD, name: 'Fiona Founder', companyName: 'Fiona Ltd' }),
  )
  if (signup.status !== 202) throw new Error(`signup failed: ${signup.status}`)
  const token = linkIn((await lastEmailTo(api.db, email))?.text).searchParams.get('token')
  const verify = await api.request('root', '/auth/verify-email', jsonBody({ token }))
  if (verify.status !== 200) throw new Error(`verify failed: ${verify.status}`)
  const login = await api.request('root', '/auth/login', jsonBody({ email, password: TEST_PASSWORD }))
  const me = (await login.json()) as { id: string }
  return { id: me.id, email }
}

/** A live API token for a member, written as the tokens service would (only its hash is stored). */
export async function apiTokenFor(api: TestApi, tenantId: string, userId: string): Promise<string> {
  const token = `aura_${randomToken()}`
  await api.db.insert(schema.apiTokens).values({
    tenantId,
    userId,
    name: 'test token',
    tokenHash: await sha256Hex(token),
    prefix: token.slice(0, 9),
  })
  return token
}

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
