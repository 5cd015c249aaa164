// The in-memory facts one tenant's later tables draw on (ids, owners, prices), and the shared helpers for
// time and money. Money is integer cents until it becomes an exact decimal string: never a float sum.
import type { Rng } from './prng.ts'
import type { TenantSpec } from './scales.ts'

/** Every timestamp is relative to this fixed instant, so data does not depend on when it was generated. */
export const ANCHOR_MS = Date.UTC(2026, 10, 1)
export const DAY_MS = 86_400_000

export interface StagePlan {
  id: string
  name: string
  kind: 'open' | 'won' | 'lost'
  winProbability: number
}

export interface ProductPlan {
  id: string
  sku: string
  name: string
  priceCents: number
  /** Largest discount a line may get, percent; undefined when the blueprint has no policy. */
  maxDiscount: number | undefined
}

export interface TenantPlan {
  spec: TenantSpec
  seed: number
  tenantId: string
  adminId: string
  /** Managers and reps: owners of records. */
  ownerIds: string[]
  processes: { id: string; stages: StagePlan[] }[]
  activeProducts: ProductPlan[]
  orgIds: string[]
  orgNames: string[]
  contactIds: string[]
  /** Per contact: index into orgIds or -1, and index into ownerIds. */
  contactOrg: Int32Array
  contactOwner: Int32Array
  contactCreatedMs: Float64Array
  dealIds: string[]
  /** Per deal: its owner's id, and whether it is open (the tasks draw on both). */
  dealOwners: string[]
  dealOpen: boolean[]
  /** Rows written per table. */
  rows: Record<string, number>
}

/** Every table the generator writes, parents first. */
export const GENERATED_TABLES = [
  'tenants',
  'users',
  'sales_processes',
  'process_stages',
  'products',
  'pricing_blueprints',
  'product_price_history',
  'organizations',
  'contacts',
  'deals',
  'deal_line_items',
  'deal_stage_history',
  'activities',
  'tasks',
  'notifications',
] as const

export const iso = (ms: number) => new Date(ms).toISOString()
export const isoDate = (ms: number) => iso(ms).slice(0, 10)

/** An exact decimal string from integer cents: 123456 → '1234.56'. */
export function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

/** A moment between `daysBack` days before the anchor and `daysBackMin` days before it. */
export function pastMs(rng: Rng, daysBack: number, daysBackMin = 0): number {
  return ANCHOR_MS - rng.int(daysBackMin * DAY_MS, daysBack * DAY_MS)
}

/** A later moment than `ms`, at most `days` later and never after the anchor. */
export function laterMs(rng: Rng, ms: number, days: number): number {
  return Math.min(ANCHOR_MS, ms + rng.int(0, days * DAY_MS))
}

export function count(plan: TenantPlan, table: string, n = 1): void {
  plan.rows[table] = (plan.rows[table] ?? 0) + n
}
