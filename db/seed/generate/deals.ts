// Deals with their line items and stage history, one chunk at a time. Totals are computed here in integer
// cents from the same lines that are inserted, so deals.line_items_total and amount are written final
// (the per-row total triggers are bypassed during the load, and verify.ts proves the result).
import { Batch } from './bulk.ts'
import {
  count,
  DAY_MS,
  iso,
  isoDate,
  laterMs,
  money,
  pastMs,
  type StagePlan,
  type TenantPlan,
} from './plan.ts'
import { Rng } from './prng.ts'
import * as W from './words.ts'

const QUANTITIES = [1, 2, 3, 5, 10, 20, 50]
const QUANTITY_WEIGHTS = [40, 20, 10, 10, 10, 6, 4]
const MANUAL_AMOUNT_TIERS = [
  [500, 4_999],
  [5_000, 49_999],
  [50_000, 250_000],
] as const

/** A funnel: each open stage holds fewer deals than the one before; about 10% won, 14% lost. */
function stageWeights(stages: readonly StagePlan[]): number[] {
  let w = 30
  return stages.map((s) => {
    if (s.kind === 'won') return 10
    if (s.kind === 'lost') return 14
    const here = w
    w *= 0.75
    return here
  })
}

export function* dealChunks(plan: TenantPlan, chunk: number) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'deals')
  const weights = plan.processes.map((p) => stageWeights(p.stages))
  let batches = newDealBatches()
  for (let i = 0; i < plan.spec.deals; i++) {
    addDeal(plan, rng, weights, batches)
    if (batches.deals.length >= chunk) {
      yield [batches.deals, batches.lines, batches.history]
      batches = newDealBatches()
    }
  }
  if (batches.deals.length) yield [batches.deals, batches.lines, batches.history]
}

function addDeal(plan: TenantPlan, rng: Rng, weights: number[][], b: ReturnType<typeof newDealBatches>) {
  const others = plan.processes.length - 1
  const p = others > 0 && !rng.chance(plan.spec.defaultProcessShare) ? rng.int(1, others) : 0
  const process = plan.processes[p]
  const stage = process?.stages[rng.weighted(weights[p] ?? [])]
  const firstStage = process?.stages[0]
  if (!process || !stage || !firstStage) throw new Error('deal without a process or stage')
  const contact = plan.contactIds.length && rng.chance(0.9) ? rng.int(0, plan.contactIds.length - 1) : -1
  const orgIndex =
    contact >= 0
      ? (plan.contactOrg[contact] ?? -1)
      : rng.chance(0.5)
        ? rng.int(0, plan.orgIds.length - 1)
        : -1
  const ownerIndex =
    contact >= 0 && rng.chance(0.7) ? (plan.contactOwner[contact] ?? 0) : rng.int(0, plan.ownerIds.length - 1)
  const owner = plan.ownerIds[ownerIndex] ?? plan.adminId
  const created = Math.max(pastMs(rng, 2 * 365, 1), contact >= 0 ? (plan.contactCreatedMs[contact] ?? 0) : 0)
  const updated = laterMs(rng, created, 120)
  const id = rng.uuid()
  plan.dealIds.push(id)
  plan.dealOwners.push(owner)
  plan.dealOpen.push(stage.kind === 'open')

  let total = 0
  let live = 0
  const lines = rng.int(0, 6)
  for (let j = 0; j < lines; j++) {
    const product = rng.pick(plan.activeProducts)
    const quantity = QUANTITIES[rng.weighted(QUANTITY_WEIGHTS)] ?? 1
    const discount = rng.chance(0.3) ? rng.int(1, product.maxDiscount ?? 15) : 0
    const unit = Math.floor((product.priceCents * (100 - discount)) / 100)
    const deleted = rng.chance(0.03)
    if (!deleted) {
      total += quantity * unit
      live++
    }
    b.lines.push({
      id: rng.uuid(),
      tenant_id: plan.tenantId,
      deal_id: id,
      product_id: product.id,
      sku_snapshot: product.sku,
      name_snapshot: product.name,
      quantity,
      list_price: money(product.priceCents),
      unit_price: money(unit),
      position: j,
      deleted_at: deleted ? iso(updated) : null,
      created_at: iso(created),
      updated_at: iso(updated),
      created_by: owner,
    })
  }
  count(plan, 'deal_line_items', lines)
  const [lo, hi] = MANUAL_AMOUNT_TIERS[rng.weighted([50, 40, 10])] ?? MANUAL_AMOUNT_TIERS[0]
  // The database rule (ADR 0013): with live lines the amount is their total; otherwise entered by hand.
  const amount = money(live > 0 ? total : rng.int(lo, hi) * 100)
  const closed = stage.kind !== 'open'
  const probability = closed
    ? stage.winProbability
    : Math.max(0, Math.min(100, stage.winProbability + rng.int(-2, 2) * 5))
  const org = plan.orgIds[orgIndex]
  const who = org ? (plan.orgNames[orgIndex] ?? '') : `${rng.pick(W.LAST_NAMES)} & Co.`
  b.deals.push({
    id,
    tenant_id: plan.tenantId,
    name: `${who} ${rng.pick(W.DEAL_WORDS)}`,
    amount,
    process_id: process.id,
    stage_id: stage.id,
    close_date: isoDate(closed ? updated : created + rng.int(30, 180) * DAY_MS),
    probability,
    contact_id: contact >= 0 ? (plan.contactIds[contact] ?? null) : null,
    organization_id: org ?? null,
    assigned_user_id: owner,
    status: stage.kind,
    closed_at: closed ? iso(updated) : null,
    closed_stage_name: closed ? stage.name : null,
    closed_probability: closed ? stage.winProbability : null,
    final_amount: closed ? amount : null,
    line_items_total: money(total),
    deleted_at: rng.chance(0.01) ? iso(updated) : null,
    created_at: iso(created),
    updated_at: iso(updated),
    created_by: rng.chance(0.8) ? owner : plan.adminId,
  })
  const entered = {
    tenant_id: plan.tenantId,
    deal_id: id,
    to_process_id: process.id,
    amount,
    changed_by: owner,
  }
  b.history.push({
    ...entered,
    id: rng.uuid(),
    from_process_id: null,
    from_stage_id: null,
    from_stage_name: null,
    to_stage_id: firstStage.id,
    to_stage_name: firstStage.name,
    probability: firstStage.winProbability,
    changed_at: iso(created),
    created_at: iso(created),
    updated_at: iso(created),
    created_by: owner,
  })
  if (stage.id !== firstStage.id)
    b.history.push({
      ...entered,
      id: rng.uuid(),
      from_process_id: process.id,
      from_stage_id: firstStage.id,
      from_stage_name: firstStage.name,
      to_stage_id: stage.id,
      to_stage_name: stage.name,
      probability,
      changed_at: iso(updated),
      created_at: iso(updated),
      updated_at: iso(updated),
      created_by: owner,
    })
  count(plan, 'deals')
  count(plan, 'deal_stage_history', stage.id === firstStage.id ? 1 : 2)
}

function newDealBatches() {
  return {
    deals: new Batch('deals', {
      id: 'uuid',
      tenant_id: 'uuid',
      name: 'text',
      amount: 'numeric',
      process_id: 'uuid',
      stage_id: 'uuid',
      close_date: 'date',
      probability: 'int4',
      contact_id: 'uuid',
      organization_id: 'uuid',
      assigned_user_id: 'uuid',
      status: 'deal_status',
      closed_at: 'timestamptz',
      closed_stage_name: 'text',
      closed_probability: 'int4',
      final_amount: 'numeric',
      line_items_total: 'numeric',
      deleted_at: 'timestamptz',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      created_by: 'uuid',
    }),
    lines: new Batch('deal_line_items', {
      id: 'uuid',
      tenant_id: 'uuid',
      deal_id: 'uuid',
      product_id: 'uuid',
      sku_snapshot: 'text',
      name_snapshot: 'text',
      quantity: 'int4',
      list_price: 'numeric',
      unit_price: 'numeric',
      position: 'int4',
      deleted_at: 'timestamptz',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      created_by: 'uuid',
    }),
    history: new Batch('deal_stage_history', {
      id: 'uuid',
      tenant_id: 'uuid',
      deal_id: 'uuid',
      from_process_id: 'uuid',
      to_process_id: 'uuid',
      from_stage_id: 'uuid',
      to_stage_id: 'uuid',
      from_stage_name: 'text',
      to_stage_name: 'text',
      amount: 'numeric',
      probability: 'int4',
      changed_by: 'uuid',
      changed_at: 'timestamptz',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      created_by: 'uuid',
    }),
  }
}
