import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { iso } from '../../lib/dates.ts'
import { newestFirst, toPage } from '../../lib/pagination.ts'

export interface ListAccountsInput {
  limit: number
  cursor?: string | undefined
  contractStatus?: 'none' | 'signed' | undefined
}

/** Pre-tenant accounts (signed up, not yet a workspace member), newest first, for the platform console. */
export async function listAccounts(db: Db, input: ListAccountsInput) {
  const { users } = schema
  const order = newestFirst(users.createdAt, users.id, input.cursor)
  const rows = await withPlatform(db, 'platform-console', (tx) =>
    tx
      .select({ user: users, key: order.key })
      .from(users)
      .where(
        and(
          isNull(users.tenantId),
          eq(users.isPlatformAdmin, false),
          input.contractStatus ? eq(users.contractStatus, input.contractStatus) : undefined,
          order.after,
        ),
      )
      .orderBy(...order.orderBy)
      .limit(input.limit + 1),
  )
  const page = toPage(rows, input.limit, (r) => [r.key, r.user.id])
  return { data: page.data.map((r) => toAccount(r.user)), nextCursor: page.nextCursor }
}

export function toAccount(u: typeof schema.users.$inferSelect) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    emailVerified: u.emailVerifiedAt !== null,
    contractStatus: u.contractStatus,
    contractSignedAt: iso(u.contractSignedAt),
    requestedCompanyName: u.requestedCompanyName,
    requestedSlug: u.requestedSlug,
    createdAt: u.createdAt.toISOString(),
  }
}
