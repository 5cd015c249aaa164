// Next steps (ADR 0168): most open deals have one open task for their owner (some overdue, some a second
// one), about half of the closed deals a completed one; a few deleted. Drawn after the deals from the facts
// the deals left in the plan, so the earlier tables' data do not change.
import { Batch } from './bulk.ts'
import { ANCHOR_MS, count, DAY_MS, iso, type TenantPlan } from './plan.ts'
import { Rng } from './prng.ts'
import { ACTIVITY_SUBJECTS } from './words.ts'

const TYPES = ['call', 'email', 'meeting', 'note'] as const

export function* taskChunks(plan: TenantPlan, chunk: number) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'tasks')
  let batch = newTasks()
  const add = (deal: number, dueMs: number, done: boolean) => {
    const owner = plan.dealOwners[deal] ?? plan.adminId
    const type = rng.pick(TYPES)
    const created = dueMs - rng.int(1, 20) * DAY_MS
    batch.push({
      id: rng.uuid(),
      tenant_id: plan.tenantId,
      type,
      subject: rng.pick(ACTIVITY_SUBJECTS[type]),
      notes: rng.chance(0.3) ? 'Bring the updated price list.' : null,
      due_at: iso(dueMs),
      assignee_user_id: owner,
      deal_id: plan.dealIds[deal] ?? null,
      completed_at: done ? iso(Math.min(ANCHOR_MS, dueMs)) : null,
      completed_by: done ? owner : null,
      deleted_at: rng.chance(0.01) ? iso(created) : null,
      created_at: iso(created),
      updated_at: iso(created),
      created_by: owner,
    })
  }
  for (let d = 0; d < plan.dealIds.length; d++) {
    if (plan.dealOpen[d]) {
      if (rng.chance(0.8)) add(d, ANCHOR_MS + rng.int(-15, 30) * DAY_MS + rng.int(8, 17) * 3_600_000, false)
      if (rng.chance(0.15)) add(d, ANCHOR_MS + rng.int(1, 60) * DAY_MS, false)
    } else if (rng.chance(0.5)) {
      add(d, ANCHOR_MS - rng.int(1, 300) * DAY_MS, true)
    }
    if (batch.length >= chunk) {
      count(plan, 'tasks', batch.length)
      yield [batch]
      batch = newTasks()
    }
  }
  count(plan, 'tasks', batch.length)
  if (batch.length) yield [batch]
}

const newTasks = () =>
  new Batch('tasks', {
    id: 'uuid',
    tenant_id: 'uuid',
    type: 'activity_type',
    subject: 'text',
    notes: 'text',
    due_at: 'timestamptz',
    assignee_user_id: 'uuid',
    deal_id: 'uuid',
    completed_at: 'timestamptz',
    completed_by: 'uuid',
    deleted_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
