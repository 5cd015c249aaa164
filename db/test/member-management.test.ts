// F4.1 for managers (ADR 0167, migration 0029), enforced by the database: a connection bound as a
// manager may invite and deactivate reps, and nothing more, even writing SQL directly.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { createUser } from '../seed/index.ts'
import { testDb } from './db.ts'
import { affected, INSUFFICIENT_PRIVILEGE, outcome, rows } from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let w: TenantWorld

beforeAll(async () => {
  conn = await testDb()
  w = await buildTenantWorld(conn.db)
})
afterAll(async () => {
  await conn.close()
})

const asRole = <T>(
  role: 'admin' | 'manager' | 'rep',
  userId: string,
  fn: Parameters<typeof withTenant<T>>[2],
) => withTenant(conn.db, { tenantId: w.tenantId, userId, role }, fn)
const asManager = <T>(fn: Parameters<typeof withTenant<T>>[2]) => asRole('manager', w.manager.id, fn)

const invitation = (
  role: string,
  n: string,
) => sql`insert into invitations (tenant_id, email, role, token_hash, expires_at, invited_by)
  values (${w.tenantId}, ${`${n}@example.com`}, ${role}::user_role, ${`hash-${n}-${Math.random()}`}, now() + interval '7 days', ${w.manager.id})`

describe('a manager-bound connection (migration 0029)', () => {
  it('inserts a rep invitation, never a manager or admin one', async () => {
    expect(await outcome(() => asManager((tx) => tx.execute(invitation('rep', 'r1'))))).toBe('ok')
    for (const role of ['manager', 'admin'])
      expect(await outcome(() => asManager((tx) => tx.execute(invitation(role, `x-${role}`))))).toBe(
        INSUFFICIENT_PRIVILEGE,
      )
  })

  it('cannot turn a rep invitation into an admin one, nor withdraw an admin’s', async () => {
    const [rep] = await asManager((tx) =>
      rows<{ id: string }>(tx, sql`${invitation('rep', 'r2')} returning id`),
    )
    const [adm] = await asRole('admin', w.admin.id, (tx) =>
      rows<{ id: string }>(tx, sql`${invitation('admin', 'a2')} returning id`),
    )
    expect(
      await outcome(() =>
        asManager((tx) => tx.execute(sql`update invitations set role = 'admin' where id = ${rep?.id}`)),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(
      await outcome(() =>
        asManager((tx) => tx.execute(sql`update invitations set revoked_at = now() where id = ${adm?.id}`)),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(
      await asManager((tx) =>
        affected(tx, sql`update invitations set revoked_at = now() where id = ${rep?.id}`),
      ),
    ).toBe(1)
  })

  it('cannot change anyone’s role, its own included', async () => {
    const rep = await createUser(conn.db, { tenantId: w.tenantId, role: 'rep' })
    for (const [id, role] of [
      [rep.id, 'admin'],
      [rep.id, 'manager'],
      [w.manager.id, 'admin'],
    ] as const)
      expect(
        await outcome(() =>
          asManager((tx) => tx.execute(sql`update users set role = ${role}::user_role where id = ${id}`)),
        ),
      ).toBe(INSUFFICIENT_PRIVILEGE)
    const [row] = await rows<{ role: string }>(conn.db, sql`select role from users where id = ${rep.id}`)
    expect(row?.role).toBe('rep')
  })

  it('deactivates a rep; an admin or another manager is out of its reach', async () => {
    const rep = await createUser(conn.db, { tenantId: w.tenantId, role: 'rep' })
    const other = await createUser(conn.db, { tenantId: w.tenantId, role: 'manager' })
    const deactivate = (id: string) =>
      asManager((tx) =>
        affected(tx, sql`update users set status = 'deactivated', deactivated_at = now() where id = ${id}`),
      )
    expect(await deactivate(rep.id)).toBe(1)
    // The update policy hides them: nothing changes.
    expect(await deactivate(w.admin.id)).toBe(0)
    expect(await deactivate(other.id)).toBe(0)
    const active = await rows<{ id: string }>(
      conn.db,
      sql`select id from users where id in (${w.admin.id}, ${other.id}) and status = 'active'`,
    )
    expect(active).toHaveLength(2)
  })

  it('never inserts a member (they join by accepting an invitation)', async () => {
    expect(
      await outcome(() =>
        asManager((tx) =>
          tx.execute(
            sql`insert into users (tenant_id, email, role) values (${w.tenantId}, 'sneak@example.com', 'admin')`,
          ),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('a rep-bound connection can do none of it', async () => {
    const rep = await createUser(conn.db, { tenantId: w.tenantId, role: 'rep' })
    expect(
      await outcome(() => asRole('rep', w.rep.id, (tx) => tx.execute(invitation('rep', 'by-rep')))),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(
      await asRole('rep', w.rep.id, (tx) =>
        affected(
          tx,
          sql`update users set status = 'deactivated', deactivated_at = now() where id = ${rep.id}`,
        ),
      ),
    ).toBe(0)
  })
})
