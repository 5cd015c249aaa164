import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, gt, isNull, or } from 'drizzle-orm'
import { sha256Hex } from '../../lib/tokens.ts'

export const API_TOKEN_PREFIX = 'aura_'

/** Resolves a bearer token to its active owner; null for unknown, revoked, expired or deactivated. */
export async function authenticateToken(db: Db, token: string) {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null
  const hash = await sha256Hex(token)
  const { apiTokens, users } = schema
  const now = new Date()
  return withPlatform(db, 'authenticate', async (tx) => {
    const [row] = await tx
      .select({
        tokenId: apiTokens.id,
        tenantId: apiTokens.tenantId,
        userId: users.id,
        role: users.role,
        isPlatformAdmin: users.isPlatformAdmin,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, hash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          eq(users.status, 'active'),
        ),
      )
      .limit(1)
    if (row) await tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId))
    return row ?? null
  })
}
