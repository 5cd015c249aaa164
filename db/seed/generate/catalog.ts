// The tenant row, its people, its sales processes with stages, and its product catalogue with pricing
// blueprints and a first price-history entry each: the small tables everything else points at.
import { DEFAULT_PROCESS_NAME, DEFAULT_STAGES, type StageSpec } from '../processes.ts'
import { Batch } from './bulk.ts'
import { count, iso, laterMs, money, type ProductPlan, pastMs, type TenantPlan } from './plan.ts'
import { Rng } from './prng.ts'
import type { TenantSpec } from './scales.ts'
import * as W from './words.ts'

const OPEN_STAGE_NAMES = ['Lead', 'Contacted', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Contract']
const PRICE_TIERS = [
  [5, 99],
  [100, 999],
  [1_000, 4_999],
  [5_000, 20_000],
] as const

export function tenantBatches(spec: TenantSpec, seed: number, passwordHash: string | null) {
  const rng = new Rng(seed, spec.slug, 'tenant')
  const created = pastMs(rng, 4 * 365, 3 * 365)
  const tenant = new Batch('tenants', {
    id: 'uuid',
    slug: 'text',
    status: 'tenant_status',
    company_name: 'text',
    industry: 'text',
    activated_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  })
  const tenantId = rng.uuid()
  tenant.push({
    id: tenantId,
    slug: spec.slug,
    status: 'active',
    company_name: `${rng.pick(W.COMPANY_ROOTS)} ${rng.pick(W.COMPANY_KINDS)} (generated)`,
    industry: rng.pick(W.INDUSTRIES),
    activated_at: iso(created),
    created_at: iso(created),
    updated_at: iso(created),
  })
  const users = new Batch('users', {
    id: 'uuid',
    tenant_id: 'uuid',
    email: 'citext',
    password_hash: 'text',
    name: 'text',
    role: 'user_role',
    email_verified_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  })
  const managers = Math.max(1, Math.floor(spec.users / 10))
  const ids: string[] = []
  for (let i = 0; i < spec.users; i++) {
    const role = i === 0 ? 'admin' : i <= managers ? 'manager' : 'rep'
    const handle = role === 'admin' ? 'admin' : role === 'manager' ? `manager${i}` : `rep${i - managers}`
    const id = rng.uuid()
    ids.push(id)
    users.push({
      id,
      tenant_id: tenantId,
      // Predictable logins for benchmarks and manual checks: admin@gen-big.aura.test, rep1@…, manager1@…
      email: `${handle}@${spec.slug}.aura.test`,
      password_hash: passwordHash,
      name: `${rng.pick(W.FIRST_NAMES)} ${rng.pick(W.LAST_NAMES)}`,
      role,
      email_verified_at: iso(created),
      created_at: iso(created),
      updated_at: iso(created),
    })
  }
  const adminId = ids[0] ?? ''
  return { tenantId, adminId, ownerIds: ids.length > 1 ? ids.slice(1) : ids, batches: [tenant, users] }
}

function processStages(rng: Rng, index: number): readonly StageSpec[] {
  if (index === 0) return DEFAULT_STAGES
  const open = rng.int(3, 6)
  const skip = rng.int(0, open)
  const names = OPEN_STAGE_NAMES.slice(0, open + 1).filter((_, i) => i !== skip)
  return [
    ...names
      .slice(0, open)
      .map((name, i) => ({ name, winProbability: Math.round(((i + 1) * 80) / open / 5) * 5 })),
    { name: 'Won', winProbability: 100, kind: 'won' as const },
    { name: 'Lost', winProbability: 0, kind: 'lost' as const },
  ]
}

export function processBatches(plan: TenantPlan) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'processes')
  const at = iso(pastMs(rng, 3 * 365, 3 * 365))
  const processes = new Batch('sales_processes', {
    id: 'uuid',
    tenant_id: 'uuid',
    name: 'text',
    is_default: 'bool',
    position: 'int4',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
  const stages = new Batch('process_stages', {
    id: 'uuid',
    tenant_id: 'uuid',
    process_id: 'uuid',
    name: 'text',
    position: 'int4',
    kind: 'stage_kind',
    win_probability: 'int4',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
  const base = { tenant_id: plan.tenantId, created_at: at, updated_at: at, created_by: plan.adminId }
  for (let p = 0; p < plan.spec.processes; p++) {
    const id = rng.uuid()
    const name = p === 0 ? DEFAULT_PROCESS_NAME : (W.PROCESS_NAMES[p - 1] ?? `Process ${p + 1}`)
    processes.push({ ...base, id, name, is_default: p === 0, position: p })
    const planned = processStages(rng, p).map((s, position) => {
      const stage = { id: rng.uuid(), name: s.name, kind: s.kind ?? 'open', winProbability: s.winProbability }
      stages.push({
        ...base,
        id: stage.id,
        process_id: id,
        name: s.name,
        position,
        kind: stage.kind,
        win_probability: s.winProbability,
      })
      return stage
    })
    plan.processes.push({ id, stages: planned })
  }
  count(plan, 'sales_processes', processes.length)
  count(plan, 'process_stages', stages.length)
  return [processes, stages]
}

export function productBatches(plan: TenantPlan) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'products')
  const products = new Batch('products', {
    id: 'uuid',
    tenant_id: 'uuid',
    sku: 'text',
    name: 'text',
    category: 'text',
    is_active: 'bool',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
  const blueprints = new Batch('pricing_blueprints', {
    id: 'uuid',
    tenant_id: 'uuid',
    product_id: 'uuid',
    default_price: 'numeric',
    cost: 'numeric',
    max_discount_percent: 'numeric',
    margin_target_percent: 'numeric',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
  const history = new Batch('product_price_history', {
    id: 'uuid',
    tenant_id: 'uuid',
    product_id: 'uuid',
    new_price: 'numeric',
    new_cost: 'numeric',
    max_discount_percent: 'numeric',
    margin_target_percent: 'numeric',
    changed_by: 'uuid',
    changed_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
  for (let i = 0; i < plan.spec.products; i++) {
    const category = rng.pick(W.PRODUCT_CATEGORIES)
    const [lo, hi] = PRICE_TIERS[rng.weighted([30, 40, 20, 10])] ?? PRICE_TIERS[0]
    const priceCents = rng.int(lo, hi) * 100 - rng.pick([0, 1, 10, 50])
    const costCents = rng.chance(0.8) ? Math.floor((priceCents * rng.int(30, 80)) / 100) : null
    const maxDiscount = rng.chance(0.7) ? rng.pick([5, 10, 15, 20, 25]) : undefined
    const margin = rng.chance(0.5) ? `${rng.int(10, 60)}.00` : null
    const created = pastMs(rng, 3 * 365, 30)
    const at = {
      created_at: iso(created),
      updated_at: iso(laterMs(rng, created, 30)),
      created_by: plan.adminId,
    }
    const product: ProductPlan = {
      id: rng.uuid(),
      sku: `${category.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(5, '0')}`,
      name: `${rng.pick(W.PRODUCT_ADJECTIVES)} ${rng.pick(W.PRODUCT_NOUNS)} ${rng.int(1, 99) * 10}`,
      priceCents,
      maxDiscount,
    }
    const active = rng.chance(0.92)
    if (active) plan.activeProducts.push(product)
    const pricing = {
      tenant_id: plan.tenantId,
      product_id: product.id,
      max_discount_percent: maxDiscount === undefined ? null : `${maxDiscount}.00`,
      margin_target_percent: margin,
    }
    const { id, sku, name } = product
    products.push({ id, tenant_id: plan.tenantId, sku, name, category, is_active: active, ...at })
    blueprints.push({
      ...pricing,
      ...at,
      id: rng.uuid(),
      default_price: money(priceCents),
      cost: costCents === null ? null : money(costCents),
    })
    history.push({
      ...pricing,
      ...at,
      updated_at: at.created_at,
      id: rng.uuid(),
      new_price: money(priceCents),
      new_cost: costCents === null ? null : money(costCents),
      changed_by: plan.adminId,
      changed_at: at.created_at,
    })
  }
  if (!plan.activeProducts.length) throw new Error(`${plan.spec.slug}: no active product to put on deals`)
  count(plan, 'products', products.length)
  count(plan, 'pricing_blueprints', blueprints.length)
  count(plan, 'product_price_history', history.length)
  return [products, blueprints, history]
}
