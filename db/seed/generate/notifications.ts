// Notifications (ADR 0169), so the feed and the unread count are measured on a tenant that has them: about
// two in five deals told their owner of a hand-over or a move (by the admin), in the last 90 days, half of
// them read. Drawn after the deals from the facts they left in the plan, so earlier tables do not change.
import { Batch } from './bulk.ts'
import { ANCHOR_MS, count, DAY_MS, iso, type TenantPlan } from './plan.ts'
import { Rng } from './prng.ts'

const KINDS = ['deal.assigned', 'deal.stage_changed', 'deal.won', 'deal.lost'] as const

export function* notificationChunks(plan: TenantPlan, chunk: number) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'notifications')
  let batch = newNotifications()
  for (let d = 0; d < plan.dealIds.length; d++) {
    const owner = plan.dealOwners[d]
    if (owner && owner !== plan.adminId && rng.chance(0.4)) {
      const at = iso(ANCHOR_MS - rng.int(0, 90 * DAY_MS))
      batch.push({
        id: rng.uuid(),
        tenant_id: plan.tenantId,
        recipient_user_id: owner,
        kind: plan.dealOpen[d] ? rng.pick(KINDS.slice(0, 2)) : rng.pick(KINDS.slice(2)),
        actor_user_id: plan.adminId,
        deal_id: plan.dealIds[d] ?? null,
        read_at: rng.chance(0.5) ? at : null,
        created_at: at,
        updated_at: at,
        created_by: plan.adminId,
      })
    }
    if (batch.length >= chunk) {
      count(plan, 'notifications', batch.length)
      yield [batch]
      batch = newNotifications()
    }
  }
  count(plan, 'notifications', batch.length)
  if (batch.length) yield [batch]
}

const newNotifications = () =>
  new Batch('notifications', {
    id: 'uuid',
    tenant_id: 'uuid',
    recipient_user_id: 'uuid',
    kind: 'text',
    actor_user_id: 'uuid',
    deal_id: 'uuid',
    read_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
