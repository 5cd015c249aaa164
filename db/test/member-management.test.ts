// F4.1 for managers (ADR 0167, migration 0029), enforced by the database: a connection bound as a
// manager may invite and deactivate reps, and nothing more, even writing SQL directly.
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { withTenant } from '../client.ts'
import { createUser } from '../seed/index.ts'
import { affected, INSUFFICIENT_PRIVILEGE, outcome, rows } from './helpers.ts'
import { tenantWorldSuite } from './world-suite.ts'

const suite = tenantWorldSuite()

const asRole = <T>(
  role: 'admin' | 'manager' | 'rep',
  userId: string,
  fn: Parameters<typeof withTenant<T>>[2],
) => withTenant(suite.db, { tenantId: suite.w.tenantId, userId, role }, fn)
const asManager = <T>(fn: Parameters<typeof withTenant<T>>[2]) => asRole('manager', suite.w.manager.id, fn)

const invitation = (
  role: string,
  n: string,
) => sql`insert into invitations (tenant_id, email, role, token_hash, expires_at, invited_by)
  values (${suite.w.tenantId}, ${`${n}@example.com`}, ${role}::user_role, ${`hash-${n}-${Math.random()}`}, now() + interval '7 days', ${suite.w.manager.id})`

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
    const [adm] = await asRole('admin', suite.w.admin.id, (tx) =>
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
    const rep = await createUser(suite.db, { tenantId: suite.w.tenantId, role: 'rep' })
    for (const [id, role] of [
      [rep.id, 'admin'],
      [rep.id, 'manager'],
      [suite.w.manager.id, 'admin'],
    ] as const)
      expect(
        await outcome(() =>
          asManager((tx) => tx.execute(sql`update users set role = ${role}::user_role where id = ${id}`)),
        ),
      ).toBe(INSUFFICIENT_PRIVILEGE)
    const [row] = await rows<{ role: string }>(suite.db, sql`select role from users where id = ${rep.id}`)
    expect(row?.role).toBe('rep')
  })

  it('deactivates a rep; an admin or another manager is out of its reach', async () => {
    const rep = await createUser(suite.db, { tenantId: suite.w.tenantId, role: 'rep' })
    const other = await createUser(suite.db, { tenantId: suite.w.tenantId, role: 'manager' })
    const deactivate = (id: string) =>
      asManager((tx) =>
        affected(tx, sql`update users set status = 'deactivated', deactivated_at = now() where id = ${id}`),
      )
    expect(await deactivate(rep.id)).toBe(1)
    // The update policy hides them: nothing changes.
    expect(await deactivate(suite.w.admin.id)).toBe(0)
    expect(await deactivate(other.id)).toBe(0)
    const active = await rows<{ id: string }>(
      suite.db,
      sql`select id from users where id in (${suite.w.admin.id}, ${other.id}) and status = 'active'`,
    )
    expect(active).toHaveLength(2)
  })

  it('never inserts a member (they join by accepting an invitation)', async () => {
    expect(
      await outcome(() =>
        asManager((tx) =>
          tx.execute(
            sql`insert into users (tenant_id, email, role) values (${suite.w.tenantId}, 'sneak@example.com', 'admin')`,
          ),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE)
  })

  it('a rep-bound connection can do none of it', async () => {
    const rep = await createUser(suite.db, { tenantId: suite.w.tenantId, role: 'rep' })
    expect(
      await outcome(() => asRole('rep', suite.w.rep.id, (tx) => tx.execute(invitation('rep', 'by-rep')))),
    ).toBe(INSUFFICIENT_PRIVILEGE)
    expect(
      await asRole('rep', suite.w.rep.id, (tx) =>
        affected(
          tx,
          sql`update users set status = 'deactivated', deactivated_at = now() where id = ${rep.id}`,
        ),
      ),
    ).toBe(0)
  })
})
