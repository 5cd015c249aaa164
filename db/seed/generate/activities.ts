// About one activity per contact (calls, emails, meetings, notes), a third of them about a deal; a few
// archived or soft-deleted, since activities are never edited (F10.4).
import { Batch } from './bulk.ts'
import { ANCHOR_MS, count, iso, type TenantPlan } from './plan.ts'
import { Rng } from './prng.ts'
import { ACTIVITY_SUBJECTS } from './words.ts'

const TYPES = ['call', 'email', 'meeting', 'note'] as const
const PER_CONTACT_WEIGHTS = [35, 35, 20, 10] // 0, 1, 2 or 3 activities: mean 1.05

export function* activityChunks(plan: TenantPlan, chunk: number) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'activities')
  let batch = newActivities()
  for (let c = 0; c < plan.contactIds.length; c++) {
    const n = rng.weighted(PER_CONTACT_WEIGHTS)
    const since = plan.contactCreatedMs[c] ?? ANCHOR_MS
    const participant = plan.ownerIds[plan.contactOwner[c] ?? 0] ?? null
    for (let k = 0; k < n; k++) {
      const type = rng.pick(TYPES)
      const at = iso(since + rng.next() * (ANCHOR_MS - since))
      const deal = plan.dealIds.length && rng.chance(0.33) ? rng.int(0, plan.dealIds.length - 1) : -1
      const r = rng.next()
      batch.push({
        id: rng.uuid(),
        tenant_id: plan.tenantId,
        contact_id: plan.contactIds[c] ?? null,
        deal_id: deal >= 0 ? (plan.dealIds[deal] ?? null) : null,
        type,
        subject: rng.pick(ACTIVITY_SUBJECTS[type]),
        description: rng.chance(0.5) ? `Follow up in ${rng.int(1, 6)} weeks.` : null,
        occurred_at: at,
        participant_user_id: participant,
        archived_at: r < 0.02 ? at : null,
        deleted_at: r > 0.99 ? at : null,
        created_at: at,
        updated_at: at,
        created_by: participant,
      })
    }
    if (batch.length >= chunk) {
      count(plan, 'activities', batch.length)
      yield [batch]
      batch = newActivities()
    }
  }
  count(plan, 'activities', batch.length)
  if (batch.length) yield [batch]
}

const newActivities = () =>
  new Batch('activities', {
    id: 'uuid',
    tenant_id: 'uuid',
    contact_id: 'uuid',
    deal_id: 'uuid',
    type: 'activity_type',
    subject: 'text',
    description: 'text',
    occurred_at: 'timestamptz',
    participant_user_id: 'uuid',
    archived_at: 'timestamptz',
    deleted_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
