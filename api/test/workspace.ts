// A ready workspace for API tests: an active tenant with default process and catalogue, and one signed-in
// member per role. Built with the shared factories (db/seed), signed in through the real login endpoint.

import { type Role, schema, withPlatform } from '@aura/db'
import { createTenant, createUser, provisionTenantDefaults, uniq } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { type createTestApi, jsonBody, sessionCookie } from './harness.ts'

type TestApi = Awaited<ReturnType<typeof createTestApi>>

export const TEST_PASSWORD = 'correct horse battery staple'

export interface Member {
  id: string
  email: string
  role: Role
  /** A ready `Cookie` header value for this member's session on the workspace host. */
  cookie: string
}

export async function createWorkspace(api: TestApi, slug = `co-${uniq()}`) {
  const tenant = await createTenant(api.db, {
    slug,
    companyName: `Company ${slug}`,
    status: 'active',
    activatedAt: new Date(),
  })
  const defaults = await provisionTenantDefaults(api.db, tenant.id)
  const member = async (role: Role): Promise<Member> => {
    const email = `${role}-${uniq()}@${slug}.test`
    const user = await createUser(api.db, { tenantId: tenant.id, role, email, password: TEST_PASSWORD })
    const res = await api.request(slug, '/auth/login', jsonBody({ email, password: TEST_PASSWORD }))
    if (res.status !== 200) throw new Error(`login of ${role} failed: ${res.status}`)
    return { id: user.id, email, role, cookie: sessionCookie(res) }
  }
  const [admin, manager, rep] = [await member('admin'), await member('manager'), await member('rep')]
  /** Request on this workspace as a member (or anonymously with `null`). */
  const as = (who: Member | null, path: string, init: RequestInit = {}) =>
    api.request(slug, path, { ...init, headers: { ...(who ? { cookie: who.cookie } : {}), ...init.headers } })
  return { tenant, slug, defaults, admin, manager, rep, member, as }
}

/**
 * Step-up without the emailed code (tests of the code flow itself use POST /auth/step-up): stamps the
 * member's sessions as verified, so a refusal can only come from what the test is about.
 */
export async function elevate(api: TestApi, member: Member, until = new Date(Date.now() + 10 * 60_000)) {
  await withPlatform(api.db, 'step-up', (tx) =>
    tx.update(schema.sessions).set({ elevatedUntil: until }).where(eq(schema.sessions.userId, member.id)),
  )
}
