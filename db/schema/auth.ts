// Credentials and their lookups. Every secret is stored hashed (SHA-256 hex of a ≥128-bit random value).
// Sessions and the user-scoped tokens are reached through crm_platform only; invitations and API tokens
// are tenant records that members manage through crm_app.
import { sql } from 'drizzle-orm'
import { check, foreignKey, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, citext, id, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, isAdmin, isManager, policies, userIsRep } from './_rls.ts'
import { tenantId, tenants } from './tenants.ts'
import { userRole, users } from './users.ts'

/** lucia v3 sessions. `id` is the SHA-256 hex of the cookie's session id, never the id itself. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The host the session was issued for: a tenant, or NULL for the root domain. */
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz('expires_at').notNull(),
    /** Step-up (sudo) window for sensitive operations (NFR-S8). */
    elevatedUntil: timestamptz('elevated_until'),
    ...auditColumns(),
  },
  (t) => [
    // A tenant-host session's user belongs to that tenant (NFR-S4); root-domain sessions have no tenant.
    foreignKey({
      name: 'sessions_tenant_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    index('sessions_user_id_idx').on(t.userId),
    index('sessions_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    index('sessions_expires_at_idx').on(t.expiresAt),
    ...policies({
      table: 'sessions',
      noun: 'sessions',
      who: 'their user, admins or managers (reps)',
      commands: ['select', 'delete'],
      condition: sql`${inTenant} and (user_id = ${currentUserId} or ${isAdmin} or (${isManager} and ${userIsRep}))`,
      why: 'Lets a member sign out everywhere, and an admin (anyone) or a manager (a rep, ADR 0167) revoke a deactivated user in the same tenant transaction (F3.4). Ids are hashes. Issuing and validating sessions is a platform flow.',
    }),
  ],
)

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tenantId: tenantId(),
    email: citext('email').notNull(),
    role: userRole('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    revokedAt: timestamptz('revoked_at'),
    invitedBy: uuid('invited_by'),
    ...auditColumns(),
  },
  (t) => [
    unique('invitations_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'invitations_invited_by_fk',
      columns: [t.tenantId, t.invitedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    index('invitations_tenant_id_email_idx').on(t.tenantId, t.email),
    index('invitations_tenant_id_created_at_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    ...policies({
      table: 'invitations',
      noun: 'invitations',
      who: 'members of their tenant',
      commands: ['select', 'update'],
      condition: inTenant,
      why: 'Acceptance happens on the tenant host before login (no user bound): looked up by token hash and marked accepted inside the tenant.',
    }),
    ...policies({
      table: 'invitations',
      noun: 'invitations',
      who: 'admins, or managers for reps',
      commands: ['insert', 'delete'],
      condition: sql`${inTenant} and (${isAdmin} or (${isManager} and role = 'rep'))`,
      why: 'Tenant admins invite (F3.1) with any role; managers invite reps only (F4.1, ADR 0167). Updates (revoking, accepting) are guarded by trigger guard_invitation_write.',
    }),
  ],
)

const userTokenColumns = () => ({
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamptz('expires_at').notNull(),
  usedAt: timestamptz('used_at'),
  ...auditColumns(),
})

/** Single-use reset links (F2.3); users may be pre-tenant, so these belong to the platform side. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  { ...userTokenColumns(), tokenHash: text('token_hash').notNull().unique() },
  (t) => [index('password_reset_tokens_user_id_idx').on(t.userId)],
).enableRLS()

export const emailVerificationTokens = pgTable(
  'email_verification_tokens',
  {
    ...userTokenColumns(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The address being verified (it may differ from the current one after a change). */
    email: citext('email').notNull(),
  },
  (t) => [index('email_verification_tokens_user_id_idx').on(t.userId)],
).enableRLS()

/** Emailed one-time codes for step-up verification (NFR-S8); attempts are capped by the service. */
export const stepUpCodes = pgTable(
  'step_up_codes',
  {
    ...userTokenColumns(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    index('step_up_codes_user_id_idx').on(t.userId, t.createdAt.desc()),
    check('step_up_codes_attempts_non_negative', sql`attempts >= 0`),
  ],
).enableRLS()

/** Personal API tokens (F2.2): scoped to one tenant, carry the user's role, shown once, stored hashed. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, for display ("aura_3fk…"). */
    prefix: text('prefix').notNull(),
    lastUsedAt: timestamptz('last_used_at'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('api_tokens_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'api_tokens_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    index('api_tokens_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    ...policies({
      table: 'api_tokens',
      noun: 'api tokens',
      who: 'their owner, admins, managers (reps)',
      commands: ['select', 'update', 'delete'],
      condition: sql`${inTenant} and (user_id = ${currentUserId} or ${isAdmin} or (${isManager} and ${userIsRep}))`,
      why: 'A member lists and revokes their own tokens; admins can revoke anyone’s, managers a rep’s (deactivation, ADR 0167). Bearer lookup is a platform flow.',
    }),
    ...policies({
      table: 'api_tokens',
      noun: 'api tokens',
      who: 'their owner',
      commands: ['insert'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why: 'A token carries its creator’s identity, so only the user themself may mint one.',
    }),
  ],
)
