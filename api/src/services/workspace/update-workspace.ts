import { schema, type Tx } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { getWorkspace, toWorkspace } from './get-workspace.ts'

export interface WorkspacePatch {
  companyName?: string | undefined
  logoUrl?: string | null | undefined
  industry?: string | null | undefined
  timezone?: string | undefined
  retentionDays?: number | undefined
}

type Workspace = ReturnType<typeof toWorkspace>

/** F1.6/F1.7: admins edit workspace metadata; the audit row keeps only the fields that changed. */
export async function updateWorkspace(tx: Tx, { actor, patch }: { actor: Actor; patch: WorkspacePatch }) {
  const before = await getWorkspace(tx)
  const keys = (Object.keys(patch) as (keyof WorkspacePatch)[]).filter(
    (k) => patch[k] !== undefined && patch[k] !== before[k],
  )
  if (keys.length === 0) return before
  const changes = Object.fromEntries(keys.map((k) => [k, patch[k]]))
  const [row] = await tx
    .update(schema.tenants)
    .set(changes)
    .where(eq(schema.tenants.id, actor.tenantId))
    .returning()
  if (!row) throw notFound('Workspace')
  const after = toWorkspace(row)
  const pick = (w: Workspace) => Object.fromEntries(keys.map((k) => [k, w[k]]))
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'workspace.updated',
    actorUserId: actor.userId,
    entityType: 'tenant',
    entityId: actor.tenantId,
    before: pick(before),
    after: pick(after),
    requestId: actor.requestId,
  })
  return after
}
