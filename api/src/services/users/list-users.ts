import { type Role, schema, type Tx } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import { iso } from '../../lib/dates.ts'
import { newestFirst, toPage } from '../../lib/pagination.ts'

export interface ListUsersInput {
  limit: number
  cursor?: string | undefined
  role?: Role | undefined
  status?: 'active' | 'deactivated' | undefined
}

/** The tenant's members (RLS scopes users to the bound tenant), newest first. */
export async function listUsers(tx: Tx, input: ListUsersInput) {
  const { users } = schema
  const order = newestFirst(users.createdAt, users.id, input.cursor)
  const rows = await tx
    .select({ user: schema.userColumns, key: order.key })
    .from(users)
    .where(
      and(
        input.role ? eq(users.role, input.role) : undefined,
        input.status ? eq(users.status, input.status) : undefined,
        order.after,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1)
  const page = toPage(rows, input.limit, (r) => [r.key, r.user.id])
  return { data: page.data.map((r) => toMember(r.user)), nextCursor: page.nextCursor }
}

export function toMember(u: schema.UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role ?? 'rep',
    status: u.status,
    avatarUrl: u.avatarUrl,
    department: u.department,
    phone: u.phone,
    timezone: u.timezone,
    lastLoginAt: iso(u.lastLoginAt),
    deactivatedAt: iso(u.deactivatedAt),
    createdAt: u.createdAt.toISOString(),
  }
}
