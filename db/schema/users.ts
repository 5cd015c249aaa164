// Users: pre-tenant signups and platform admins have no tenant; members have a tenant and a role.
import { getTableColumns, sql } from 'drizzle-orm'
import { boolean, check, index, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, citext, id, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, isAdmin, isManager, policies } from './_rls.ts'
import { tenants } from './tenants.ts'

export const userRole = pgEnum('user_role', ['admin', 'manager', 'rep'])
export const userStatus = pgEnum('user_status', ['active', 'deactivated'])
export const contractStatus = pgEnum('contract_status', ['none', 'signed'])

export const users = pgTable(
  'users',
  {
    id: id(),
    /** NULL for pre-tenant accounts (F1.2) and platform admins. */
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    email: citext('email').notNull().unique(),
    passwordHash: text('password_hash'),
    name: text('name'),
    avatarUrl: text('avatar_url'),
    department: text('department'),
    phone: text('phone'),
    /** IANA zone the member reads times in; NULL means the workspace's (ADR 0164). */
    timezone: text('timezone'),
    role: userRole('role'),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    status: userStatus('status').notNull().default('active'),
    deactivatedAt: timestamptz('deactivated_at'),
    emailVerifiedAt: timestamptz('email_verified_at'),
    lastLoginAt: timestamptz('last_login_at'),
    contractStatus: contractStatus('contract_status').notNull().default('none'),
    contractSignedAt: timestamptz('contract_signed_at'),
    /** What the signup asked for; the platform admin confirms or edits it on activation (F1.4). */
    requestedCompanyName: text('requested_company_name'),
    requestedSlug: text('requested_slug'),
    ...auditColumns(),
  },
  (t) => [
    // FK target for composite references (assigned users, inviters); NULL tenants never match.
    unique('users_tenant_id_id_key').on(t.tenantId, t.id),
    index('users_tenant_id_name_idx').on(t.tenantId, t.name),
    check('users_role_iff_tenant', sql`(tenant_id is null) = (role is null)`),
    check(
      'users_deactivated_at_matches_status',
      sql`(status = 'deactivated') = (deactivated_at is not null)`,
    ),
    check(
      'users_contract_signed_at_matches_status',
      sql`(contract_status = 'signed') = (contract_signed_at is not null)`,
    ),
    ...policies({
      table: 'users',
      noun: 'users',
      who: 'members of their tenant',
      commands: ['select'],
      condition: inTenant,
      why: 'Members see the people of their own tenant (assignees, teammates); pre-tenant accounts are invisible.',
    }),
    ...policies({
      table: 'users',
      noun: 'users',
      who: 'their tenant',
      commands: ['insert'],
      condition: inTenant,
      why: 'Invitation acceptance creates the member inside the inviting tenant only; signup is a platform flow.',
    }),
    ...policies({
      table: 'users',
      noun: 'users',
      who: 'themselves, admins or managers (reps)',
      commands: ['update'],
      condition: sql`${inTenant} and (id = ${currentUserId} or ${isAdmin} or (${isManager} and role = 'rep'))`,
      why: 'A member edits their own profile; admins edit anyone in the tenant; managers reps only, and a rep stays a rep (ADR 0167). Role changes are admin-only, status changes admin or manager-of-a-rep (trigger guard_user_write).',
    }),
  ],
)

const { passwordHash: _secret, ...readableByApp } = getTableColumns(users)

/** Every column crm_app may read: all but the password hash (column grants, ADR 0148). */
export const userColumns = readableByApp

/** A user row as crm_app can read it. */
export type UserRow = Omit<typeof users.$inferSelect, 'passwordHash'>
