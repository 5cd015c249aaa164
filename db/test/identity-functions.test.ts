// The credential functions of migration 0014 (ADR 0110): identify_credential says whether a session or API
// token is live, bind_credential checks it for one tenant host and binds the transaction from the
// database's facts. They run as crm_identity (BYPASSRLS), so here: every refusal, what gets bound, who may
// call them, and the definer's privileges.
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ROLE,
  type Credential,
  CredentialRefused,
  identifyCredential,
  type Tx,
  withIdentity,
  withPlatform,
} from '../client.ts'
import { type Connection, connect } from '../connect.ts'
import { apiTokens, sessions, tenants, users } from '../schema/index.ts'
import { createTenant, createUser, uniq } from '../seed/index.ts'
import { testDb } from './db.ts'
import { asAppWithoutContext, INSUFFICIENT_PRIVILEGE, outcome, rows } from './helpers.ts'
import { startWsRelay } from './ws-relay.ts'

let conn: Connection
let acme: { id: string; slug: string }
let globex: { id: string; slug: string }
let manager: { id: string }
const DAY = 24 * 60 * 60_000

beforeAll(async () => {
  conn = await testDb()
  acme = await createTenant(conn.db, { status: 'active' })
  globex = await createTenant(conn.db, { status: 'active' })
  manager = await createUser(conn.db, { tenantId: acme.id, role: 'manager' })
})
afterAll(async () => {
  await conn.close()
})

async function sessionFor(userId: string, tenantId: string | null, expiresAt = new Date(Date.now() + DAY)) {
  const hash = `s-${uniq()}`
  await withPlatform(conn.db, 'authenticate', (tx) =>
    tx.insert(sessions).values({ id: hash, userId, tenantId, expiresAt }),
  )
  return { kind: 'session', hash } as Credential
}

async function tokenFor(
  userId: string,
  tenantId: string,
  values: { revokedAt?: Date; expiresAt?: Date } = {},
) {
  const hash = `t-${uniq()}`
  await conn.db
    .insert(apiTokens)
    .values({ tenantId, userId, name: 'test', tokenHash: hash, prefix: 'aura_test', ...values })
  return { kind: 'token', hash } as Credential
}

/** The outcome of binding a credential on acme's host, and what the transaction then runs as. */
async function bindOnAcme(credential: Credential, host = acme) {
  try {
    return await withIdentity(
      conn.db,
      { tenantId: host.id, slug: host.slug },
      credential,
      async (tx, who) => {
        const [ctx] = await rows<Record<string, string>>(
          tx,
          sql`select current_user as "user", current_setting('app.current_tenant_id', true) as tenant,
          current_setting('app.current_user_id', true) as "userId", current_setting('app.current_role', true) as role`,
        )
        return { outcome: 'ok', who, ctx }
      },
    )
  } catch (err) {
    if (err instanceof CredentialRefused) return { outcome: err.refusal }
    throw err
  }
}

describe('bind_credential', () => {
  it("binds a live session's tenant, user and role from the database, as crm_app", async () => {
    const bound = await bindOnAcme(await sessionFor(manager.id, acme.id))
    expect(bound).toMatchObject({
      outcome: 'ok',
      who: { userId: manager.id, role: 'manager' },
      ctx: { user: APP_ROLE, tenant: acme.id, userId: manager.id, role: 'manager' },
    })
  })

  it('binds a live API token the same way, with its last use', async () => {
    const bound = await bindOnAcme(await tokenFor(manager.id, acme.id))
    expect(bound).toMatchObject({ outcome: 'ok', who: { userId: manager.id, lastUsedAt: null } })
  })

  it('refuses unknown, expired, revoked and deactivated credentials, binding nothing', async () => {
    const deactivated = await createUser(conn.db, { tenantId: acme.id, role: 'rep' })
    const itsSession = await sessionFor(deactivated.id, acme.id)
    await withPlatform(conn.db, 'platform-console', (tx) =>
      tx
        .update(users)
        .set({ status: 'deactivated', deactivatedAt: new Date() })
        .where(eq(users.id, deactivated.id)),
    )
    const refusals = [
      { kind: 'session', hash: 'no such session' } as Credential,
      await sessionFor(manager.id, acme.id, new Date(Date.now() - 1000)),
      await tokenFor(manager.id, acme.id, { revokedAt: new Date() }),
      await tokenFor(manager.id, acme.id, { expiresAt: new Date(Date.now() - 1000) }),
      itsSession,
    ]
    for (const credential of refusals) expect(await bindOnAcme(credential)).toEqual({ outcome: 'invalid' })
  })

  it("refuses another tenant's or the root domain's credential on acme, and acme's under another slug", async () => {
    const globexUser = await createUser(conn.db, { tenantId: globex.id, role: 'admin' })
    expect(await bindOnAcme(await sessionFor(globexUser.id, globex.id))).toEqual({ outcome: 'other_tenant' })
    expect(await bindOnAcme(await tokenFor(globexUser.id, globex.id))).toEqual({ outcome: 'other_tenant' })
    expect(await bindOnAcme(await sessionFor(manager.id, null))).toEqual({ outcome: 'other_tenant' })
    const renamed = { ...acme, slug: `${acme.slug}-old` }
    expect(await bindOnAcme(await sessionFor(manager.id, acme.id), renamed)).toEqual({
      outcome: 'other_tenant',
    })
  })

  it('refuses every credential of a suspended tenant', async () => {
    const initech = await createTenant(conn.db, { status: 'active' })
    const member = await createUser(conn.db, { tenantId: initech.id, role: 'admin' })
    const credential = await sessionFor(member.id, initech.id)
    expect(await bindOnAcme(credential, initech)).toMatchObject({ outcome: 'ok' })
    await withPlatform(conn.db, 'platform-console', (tx) =>
      tx.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, initech.id)),
    )
    expect(await bindOnAcme(credential, initech)).toEqual({ outcome: 'tenant_unavailable' })
  })
})

describe('identify_credential', () => {
  it("reports a live credential's facts, and nothing for a dead one", async () => {
    const credential = await sessionFor(manager.id, acme.id)
    expect(await identifyCredential(conn.db, credential)).toMatchObject({
      userId: manager.id,
      tenantId: acme.id,
      role: 'manager',
      tenantSlug: acme.slug,
      tenantStatus: 'active',
      isPlatformAdmin: false,
    })
    expect(await identifyCredential(conn.db, { kind: 'token', hash: credential.hash })).toBeNull()
  })
})

describe('who may call the credential functions', () => {
  const calls = {
    identify: (tx: Tx) => tx.execute(sql`select * from identify_credential('session', 'x')`),
    bind: (tx: Tx) =>
      tx.execute(sql`select * from bind_credential('session', 'x', ${acme.id}::uuid, ${acme.slug})`),
  }

  it('crm_app may not: tenant code can never re-bind its transaction to another identity', async () => {
    for (const call of Object.values(calls)) {
      expect(await outcome(() => asAppWithoutContext(conn.db, call))).toBe(INSUFFICIENT_PRIVILEGE)
    }
  })

  it('crm_platform may', async () => {
    for (const call of Object.values(calls)) {
      expect(await outcome(() => withPlatform(conn.db, 'authenticate', call))).toBe('ok')
    }
  })

  it('run as crm_identity: no login, no superuser, owner of these two functions only', async () => {
    const [role] = await rows(
      conn.db,
      sql`select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = 'crm_identity'`,
    )
    expect(role).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: true })
    const owned = await rows<{ name: string; definer: boolean }>(
      conn.db,
      sql`select p.proname as name, p.prosecdef as definer from pg_proc p
          where p.proowner = (select oid from pg_roles where rolname = 'crm_identity') order by 1`,
    )
    expect(owned).toEqual([
      { name: 'bind_credential', definer: true },
      { name: 'identify_credential', definer: true },
    ])
    const tables = await rows(
      conn.db,
      sql`select c.relname from pg_class c where c.relowner = (select oid from pg_roles where rolname = 'crm_identity')`,
    )
    expect(tables).toEqual([])
  })
})

// Workers reach Postgres through Neon's driver: the binding's one row and its types must read the same there.
describe.skipIf(!process.env.TEST_DATABASE_URL)('through the Neon driver (Postgres only)', () => {
  it('binds and identifies exactly as node-postgres does', async () => {
    const relay = await startWsRelay()
    const neon = await connect(process.env.TEST_DATABASE_URL, { neonWsProxy: `127.0.0.1:${relay.port}` })
    try {
      const credential = await sessionFor(manager.id, acme.id)
      const bound = await withIdentity(
        neon.db,
        { tenantId: acme.id, slug: acme.slug },
        credential,
        async (_tx, who) => who,
      )
      expect(bound).toMatchObject({ userId: manager.id, role: 'manager', elevatedUntil: null })
      expect(bound.expiresAt).toBeInstanceOf(Date)
      expect(await identifyCredential(neon.db, credential)).toMatchObject({
        userId: manager.id,
        tenantId: acme.id,
      })
    } finally {
      await neon.close()
      await relay.close()
    }
  })
})
