import { users } from '../schema/index.ts'
import { type Executor, first, uniq } from './executor.ts'
import { hashPassword } from './password.ts'

export type NewUser = typeof users.$inferInsert
export type User = typeof users.$inferSelect

export interface UserOverrides extends Partial<NewUser> {
  /** Hashed into password_hash; omit for a user without a password (hashing is deliberately slow). */
  password?: string
}

/** A user: a tenant member when tenantId is given (role defaults to rep), else a pre-tenant account. */
export async function createUser(db: Executor, overrides: UserOverrides = {}): Promise<User> {
  const { password, ...rest } = overrides
  const tenantId = rest.tenantId ?? null
  const values: NewUser = {
    email: `user-${uniq()}@example.test`,
    name: 'Test User',
    emailVerifiedAt: new Date(),
    ...rest,
    tenantId,
    role: rest.role ?? (tenantId ? 'rep' : null),
    passwordHash: password === undefined ? (rest.passwordHash ?? null) : await hashPassword(password),
  }
  return first(await db.insert(users).values(values).returning())
}
