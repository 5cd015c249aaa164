// Loads one tenant in one transaction, part by part, timing each. The two per-row triggers that keep deal
// totals (ADR 0013) are bypassed for this transaction only: deals arrive with their final totals (the
// pipeline stage totals of ADR 0105 are rebuilt from them by generateData once indexes and statistics
// exist), and
// generateData then checks totals and every foreign key with verify.ts (after ANALYZE: without statistics
// the planner picks nested-loop anti-joins over seq scans that take minutes on a fresh 100k-row table).
import { sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client.ts'
import { activityChunks } from './activities.ts'
import { pump } from './bulk.ts'
import { processBatches, productBatches, tenantBatches } from './catalog.ts'
import { dealChunks } from './deals.ts'
import { notificationChunks } from './notifications.ts'
import { contactChunks, organizationChunks } from './people.ts'
import type { TenantPlan } from './plan.ts'
import type { TenantSpec } from './scales.ts'
import { taskChunks } from './tasks.ts'

/**
 * How the load skips per-row triggers:
 * - 'replica': `SET LOCAL session_replication_role = replica` (superuser; no locks, skips triggers and
 *   foreign-key checks, which verify.ts then proves instead).
 * - 'disable-triggers': the table owner disables the total triggers inside the transaction (ALTER
 *   TABLE takes an exclusive lock, so tenants then load one at a time; foreign keys stay checked).
 */
export type BypassMode = 'replica' | 'disable-triggers'

const TOTAL_TRIGGERS = [
  ['deals', 'sync_deal_line_items_total'],
  ['deal_line_items', 'touch_deal_of_line_item'],
  // The pipeline stage totals (ADR 0105) are rebuilt per tenant after the load instead (generate.ts).
  ['deals', 'pipeline_stage_totals_on_insert'],
  ['deals', 'pipeline_stage_totals_on_update'],
  ['deals', 'pipeline_stage_totals_on_delete'],
  // So are the activity owners (ADR 0102).
  ['activities', 'activity_owners_on_insert'],
] as const

export interface LoadOptions {
  seed: number
  chunk: number
  bypass: BypassMode
  passwordHash: string | null
}

export interface TenantReport {
  slug: string
  tenantId: string
  /** Milliseconds per part, in load order. */
  ms: Record<string, number>
  rows: Record<string, number>
}

export async function loadTenant(
  db: Db,
  spec: TenantSpec,
  options: LoadOptions,
  log: (line: string) => void = () => {},
): Promise<TenantReport> {
  return db.transaction(async (tx) => {
    const ms: Record<string, number> = {}
    const timed = async (part: string, fn: () => Promise<unknown>) => {
      const started = performance.now()
      await fn()
      ms[part] = Math.round(performance.now() - started)
      if (ms[part] > 2_000) log(`  ${spec.slug} ${part}: ${ms[part]} ms`)
    }
    await bypassTriggers(tx, options.bypass, 'disable')
    const head = tenantBatches(spec, options.seed, options.passwordHash)
    const plan = newPlan(spec, options.seed, head)
    const { chunk } = options
    await timed('catalog', () => pump(tx, [head.batches, processBatches(plan), productBatches(plan)]))
    await timed('organizations', () => pump(tx, organizationChunks(plan, chunk)))
    await timed('contacts', () => pump(tx, contactChunks(plan, chunk)))
    await timed('deals', () => pump(tx, dealChunks(plan, chunk)))
    await timed('activities', () => pump(tx, activityChunks(plan, chunk)))
    await timed('tasks', () => pump(tx, taskChunks(plan, chunk)))
    await timed('notifications', () => pump(tx, notificationChunks(plan, chunk)))
    await bypassTriggers(tx, options.bypass, 'enable')
    return { slug: spec.slug, tenantId: plan.tenantId, ms, rows: plan.rows }
  })
}

function newPlan(spec: TenantSpec, seed: number, head: ReturnType<typeof tenantBatches>): TenantPlan {
  return {
    spec,
    seed,
    tenantId: head.tenantId,
    adminId: head.adminId,
    ownerIds: head.ownerIds,
    processes: [],
    activeProducts: [],
    orgIds: [],
    orgNames: [],
    contactIds: [],
    contactOrg: new Int32Array(0),
    contactOwner: new Int32Array(0),
    contactCreatedMs: new Float64Array(0),
    dealIds: [],
    dealOwners: [],
    dealOpen: [],
    rows: { tenants: 1, users: spec.users },
  }
}

async function bypassTriggers(tx: Tx, mode: BypassMode, action: 'disable' | 'enable') {
  if (mode === 'replica') {
    const role = action === 'disable' ? 'replica' : 'origin'
    await tx.execute(sql`select set_config('session_replication_role', ${role}, true)`)
    return
  }
  for (const [table, trigger] of TOTAL_TRIGGERS)
    await tx.execute(sql.raw(`alter table ${table} ${action} trigger ${trigger}`))
}
