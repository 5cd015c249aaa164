// lucia v3 storage for sessions, with two changes to its stock adapters: the table keeps only the
// SHA-256 of a session id (a leaked table holds no usable session), and each session records the host
// it was issued for (docs/decisions/0004-sessions-lucia-hashed-ids.md). Sessions decide which tenant a
// request binds to, so they are read through the privileged path.
import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, lte } from 'drizzle-orm'
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia'
import { sha256Hex } from '../../lib/tokens.ts'
import { identityHints } from './identity-cache.ts'

const { sessions, users } = schema

export class SessionAdapter implements Adapter {
  constructor(private readonly db: Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const hashed = await sha256Hex(sessionId)
    const rows = await withPlatform(this.db, 'authenticate', (tx) =>
      tx
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, hashed))
        .limit(1),
    )
    const row = rows[0]
    if (!row) return [null, null]
    return [
      toDatabaseSession(sessionId, row.session),
      { id: row.user.id, attributes: userAttributes(row.user) },
    ]
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await withPlatform(this.db, 'authenticate', (tx) =>
      tx.select().from(sessions).where(eq(sessions.userId, userId)),
    )
    // The raw ids are unknowable by design; callers only count or revoke these.
    return rows.map((s) => toDatabaseSession(s.id, s))
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const id = await sha256Hex(session.id)
    await withPlatform(
      this.db,
      'authenticate',
      (tx) =>
        tx.insert(sessions).values({
          id,
          userId: session.userId,
          tenantId: session.attributes.tenantId,
          expiresAt: session.expiresAt,
        }),
      session.userId,
    )
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    const id = await sha256Hex(sessionId)
    await withPlatform(this.db, 'authenticate', (tx) =>
      tx.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)),
    )
  }

  async deleteSession(sessionId: string): Promise<void> {
    const id = await sha256Hex(sessionId)
    await withPlatform(this.db, 'authenticate', (tx) => tx.delete(sessions).where(eq(sessions.id, id)))
    // Not needed for safety (every use is checked in the database), only to drop it from memory now.
    identityHints(this.db).forget({ kind: 'session', hash: id })
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await withPlatform(this.db, 'authenticate', (tx) =>
      tx.delete(sessions).where(eq(sessions.userId, userId)),
    )
  }

  async deleteExpiredSessions(): Promise<void> {
    await withPlatform(this.db, 'maintenance', (tx) =>
      tx.delete(sessions).where(and(lte(sessions.expiresAt, new Date()))),
    )
  }
}

type SessionRow = typeof sessions.$inferSelect
type UserRow = typeof users.$inferSelect

function toDatabaseSession(id: string, s: SessionRow): DatabaseSession {
  return {
    id,
    userId: s.userId,
    expiresAt: s.expiresAt,
    attributes: { tenantId: s.tenantId, elevatedUntil: s.elevatedUntil },
  }
}

export interface SessionAttributes {
  tenantId: string | null
  elevatedUntil: Date | null
}

export interface UserAttributes {
  tenantId: string | null
  email: string
  name: string | null
  role: 'admin' | 'manager' | 'rep' | null
  status: 'active' | 'deactivated'
  isPlatformAdmin: boolean
}

function userAttributes(u: UserRow): UserAttributes {
  return {
    tenantId: u.tenantId,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    isPlatformAdmin: u.isPlatformAdmin,
  }
}
