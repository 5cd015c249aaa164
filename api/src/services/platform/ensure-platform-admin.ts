import { type Db, schema, withPlatform } from '@aura/db'
import { hashPassword } from '@aura/db/passwords'
import { eq } from 'drizzle-orm'
import { recordPlatformAudit } from '../audit/record-audit.ts'

export interface EnsurePlatformAdminInput {
  email: string
  password?: string | undefined
  name?: string | undefined
}

/**
 * Creates a platform admin, or promotes an existing pre-tenant account (and resets its password when one
 * is given). Workspace members are refused: a platform admin belongs to no tenant, and one person
 * holding both would blur whose audit trail an action lands in.
 */
export async function ensurePlatformAdmin(db: Db, input: EnsurePlatformAdminInput) {
  const { users } = schema
  const passwordHash = input.password ? await hashPassword(input.password) : undefined
  return withPlatform(db, 'platform-console', async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email)).for('update')
    if (existing?.tenantId) throw new Error(`${input.email} is a workspace member; use another address`)
    if (!existing && !passwordHash) throw new Error('A new platform admin needs --password')
    const values = {
      isPlatformAdmin: true,
      emailVerifiedAt: existing?.emailVerifiedAt ?? new Date(),
      ...(passwordHash ? { passwordHash } : {}),
      ...(input.name ? { name: input.name } : {}),
    }
    const [user] = existing
      ? await tx.update(users).set(values).where(eq(users.id, existing.id)).returning()
      : await tx
          .insert(users)
          .values({ email: input.email, name: input.name ?? 'Platform admin', ...values })
          .returning()
    if (!user) throw new Error('no user row written')
    const action = existing ? 'platform_admin.promoted' : 'platform_admin.created'
    await recordPlatformAudit(tx, { action, targetUserId: user.id, details: { via: 'cli' } })
    return { id: user.id, email: user.email, created: !existing }
  })
}
