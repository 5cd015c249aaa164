import { type Role, schema, type Tx } from '@aura/db'
import { and, desc, eq } from 'drizzle-orm'
import { afterCursor, iso, toPage } from '../../lib/paging.ts'

export interface ListUsersInput {
  limit: number
  cursor?: string | undefined
  role?: Role | undefined
  status?: 'active' | 'deactivated' | undefined
}

/** The tenant's members (RLS scopes users to the bound tenant), newest first. */
export async function listUsers(tx: Tx, input: ListUsersInput) {
  const { users } = schema
  const rows = await tx
    .select()
    .from(users)
    .where(
      and(
        input.role ? eq(users.role, input.role) : undefined,
        input.status ? eq(users.status, input.status) : undefined,
        afterCursor(users, users, input.cursor),
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(input.limit + 1)
  return toPage(rows.map(toMember), input.limit)
}

export function toMember(u: typeof schema.users.$inferSelect) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role ?? 'rep',
    status: u.status,
    avatarUrl: u.avatarUrl,
    department: u.department,
    phone: u.phone,
    lastLoginAt: iso(u.lastLoginAt),
    deactivatedAt: iso(u.deactivatedAt),
    createdAt: u.createdAt.toISOString(),
  }
}
