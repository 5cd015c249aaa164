// Policy building blocks. The context is read only as `(select nullif(current_setting(…, true), ''))`:
// the sub-select is evaluated once per statement, and nullif turns the '' a pooled connection reads back
// after an earlier transaction into NULL, so an unbound context hides rows instead of raising.
import { type SQL, sql } from 'drizzle-orm'
import { type PgPolicy, pgPolicy, pgRole } from 'drizzle-orm/pg-core'

/** The application role (created by migration 0000); policies apply to it only. */
export const crmApp = pgRole('crm_app').existing()

export const currentTenantId = sql`(select nullif(current_setting('app.current_tenant_id', true), ''))::uuid`
export const currentUserId = sql`(select nullif(current_setting('app.current_user_id', true), ''))::uuid`
export const currentAppRole = sql`(select nullif(current_setting('app.current_role', true), ''))`

/** The row belongs to the bound tenant. */
export const inTenant = sql`tenant_id = ${currentTenantId}`
/**
 * Admins and managers see the whole tenant (F9.3); reps and unauthenticated contexts do not. The test is
 * inside the sub-select: the planner then sees one boolean, estimated as true half the time, instead of
 * `$role = ANY ('{admin,manager}')`, estimated as true 1% of the time — which made it plan every list for
 * a tenant 50 times smaller than it is, and sort whole tenants (ADR 0100). Same value, NULL without a role.
 */
export const isTeamLead = sql`(select nullif(current_setting('app.current_role', true), '') in ('admin', 'manager'))`
export const isAdmin = sql`${currentAppRole} = 'admin'`
export const isManager = sql`${currentAppRole} = 'manager'`
/**
 * The row's `user_id` is a rep of the bound tenant: a manager's reach over members (F4.1, ADR 0167). The
 * lookup goes through users' own policy, so another tenant's user never matches.
 */
export const userIsRep = sql`exists (select 1 from users u where u.id = user_id and u.role = 'rep')`
/** Rep ownership (F9.4): assigned to, or created by, the bound user. */
export const ownsRecord = sql`(assigned_user_id = ${currentUserId} or created_by = ${currentUserId})`

export type Command = 'select' | 'insert' | 'update' | 'delete'

const verbs: Record<Command, string> = {
  select: 'are visible to',
  insert: 'are created by',
  update: 'are changed by',
  delete: 'are deleted by',
}

/** table.policy → the COMMENT ON POLICY text; emitted into a migration by db/scripts/policy-comments.ts. */
export const policyComments = new Map<string, { table: string; policy: string; comment: string }>()

export interface PolicySpec {
  table: string
  /** Subject of the sentence, e.g. 'deals'. */
  noun: string
  /** Who may, e.g. 'members of their tenant'. */
  who: string
  commands: Command[]
  /** The row condition: USING for select/update/delete, WITH CHECK for insert/update. */
  condition: SQL
  /** Why: becomes COMMENT ON POLICY. */
  why: string
}

/** One permissive policy per command (never FOR ALL), each named as a sentence, all for crm_app. */
export function policies(spec: PolicySpec): PgPolicy[] {
  return spec.commands.map((command) => {
    const name = `${spec.noun} ${verbs[command]} ${spec.who}`
    if (name.length > 63) throw new Error(`policy name longer than 63 characters: ${name}`)
    policyComments.set(`${spec.table}.${name}`, { table: spec.table, policy: name, comment: spec.why })
    return pgPolicy(name, {
      as: 'permissive',
      for: command,
      to: crmApp,
      using: command === 'insert' ? undefined : spec.condition,
      withCheck: command === 'select' || command === 'delete' ? undefined : spec.condition,
    })
  })
}
