import { type Db, schema, withPlatform } from '@aura/db'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { afterCursor, iso, toPage } from '../../lib/paging.ts'

export interface ListAccountsInput {
  limit: number
  cursor?: string | undefined
  contractStatus?: 'none' | 'signed' | undefined
}

/** Pre-tenant accounts (signed up, not yet a workspace member), newest first, for the platform console. */
export async function listAccounts(db: Db, input: ListAccountsInput) {
  const { users } = schema
  const rows = await withPlatform(db, 'platform-console', (tx) =>
    tx
      .select()
      .from(users)
      .where(
        and(
          isNull(users.tenantId),
          eq(users.isPlatformAdmin, false),
          input.contractStatus ? eq(users.contractStatus, input.contractStatus) : undefined,
          afterCursor(users, users, input.cursor),
        ),
      )
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(input.limit + 1),
  )
  return toPage(rows.map(toAccount), input.limit)
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
