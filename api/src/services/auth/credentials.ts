import { type Db, schema, withPlatform } from '@aura/db'
import { decoyHash, verifyPassword } from '@aura/db/passwords'
import { eq } from 'drizzle-orm'

/**
 * The user whose email and password match and who may sign in on this host (`tenantId` null = root
 * domain), or null. Every path verifies one hash, so a wrong email costs the same time as a wrong
 * password and the answer is identical (no account enumeration).
 */
export async function verifyCredentials(
  db: Db,
  { email, password, tenantId }: { email: string; password: string; tenantId: string | null },
) {
  const { users } = schema
  const [user] = await withPlatform(db, 'authenticate', (tx) =>
    tx.select().from(users).where(eq(users.email, email)).limit(1),
  )
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password)
  // Another tenant's user: say nothing about them to this tenant (not even in its audit log), whether or
  // not the password was right.
  const here = user && (tenantId === null || user.tenantId === tenantId) ? user : null
  if (!here || !ok || here.status !== 'active') return { user: null, knownUserId: here?.id ?? null }
  return { user: here, knownUserId: here.id }
}
