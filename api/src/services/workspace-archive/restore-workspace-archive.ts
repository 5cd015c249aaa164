// Restores an archive into an empty workspace, all in one tenant transaction as its admin (RLS keeps every
// write inside the target; nothing is half-written on any refusal). Checked before writing: the format and
// version, every value, every reference. Checked while writing: the workspace is empty, no archived email
// belongs to an account elsewhere, and the totals the database recomputes equal the archived ones.
import { type Db, withPlatform, withTenant } from '@aura/db'
import { sql } from 'drizzle-orm'
import { recordAudit, recordPlatformAudit } from '../audit/record-audit.ts'
import { checkDealTotals } from './check-deal-totals.ts'
import type { IdMap } from './id-map.ts'
import { insertRows } from './insert-rows.ts'
import { parseArchive } from './parse-archive.ts'
import { planIds } from './plan-ids.ts'
import { prepareTarget } from './prepare-target.ts'
import { restoreUsers } from './restore-users.ts'

export interface RestoreInput {
  /** The target workspace and who restores (null for the operator's command line). */
  tenantId: string
  userId: string | null
  requestId?: string
  /** The parsed JSON of an archive, not yet trusted. */
  archive: unknown
  /** How it arrived, for the platform's record: an admin's upload, or the operator's file. */
  via: { kind: 'upload' } | { kind: 'cli'; file: string }
}

export interface RestoreResult {
  /** Rows written per table; for users, the people created (`matchedUsers` were already members). */
  restored: Record<string, number>
  matchedUsers: number
  /** Archived id → restored id, for callers that compare (the round-trip test). */
  ids: IdMap
}

export async function restoreWorkspaceArchive(db: Db, input: RestoreInput): Promise<RestoreResult> {
  const archive = parseArchive(input.archive)
  const ids = planIds(archive, input.tenantId)
  const { tenantId } = input
  const result = await withTenant(db, { tenantId, userId: input.userId, role: 'admin' }, async (tx) => {
    await prepareTarget(tx, tenantId, archive.workspace)
    // Replayed rows keep their updated_at/updated_by (migration 0021): the touches are not changes.
    // Generic plans for the triggers' queries: statistics know nothing of the rows this transaction writes
    // into a new workspace, so a custom plan of the deal-total sum (ADR 0013) takes the tenant for empty
    // and scans all its lines by another tenant-led index at every line: quadratic (100k deals: hours).
    await tx.execute(sql`select set_config('app.restore', 'on', true),
      set_config('plan_cache_mode', 'force_generic_plan', true)`)
    const restored: Record<string, number> = {}
    let matchedUsers = 0
    for (const { name, rows } of archive.tables) {
      if (name === 'users') {
        const people = await restoreUsers(tx, { tenantId, rows, ids })
        restored.users = people.created
        matchedUsers = people.matched
      } else {
        await insertRows(tx, { tenantId, table: name, rows, ids })
        restored[name] = rows.length
      }
    }
    const deals = archive.tables.find((t) => t.name === 'deals')?.rows ?? []
    await checkDealTotals(tx, { tenantId, deals, ids })
    await tx.execute(sql`select set_config('app.restore', '', true)`)
    await recordAudit(tx, {
      tenantId,
      action: 'workspace.restored',
      actorUserId: input.userId,
      entityType: 'tenant',
      entityId: tenantId,
      after: {
        fromWorkspace: archive.workspace.slug,
        exportedAt: archive.exportedAt,
        rows: restored,
        matchedUsers,
      },
      ...(input.requestId ? { requestId: input.requestId } : {}),
    })
    return { restored, matchedUsers, ids }
  })
  // The platform's own record (no workspace admin can edit it) of where the restored history begins:
  // everything the workspace's audit log holds from before this moment came from a file.
  await withPlatform(
    db,
    'platform-console',
    (tx) =>
      recordPlatformAudit(tx, {
        action: 'workspace.restored',
        actorUserId: input.userId,
        targetTenantId: tenantId,
        details: { ...input.via, fromWorkspace: archive.workspace.slug, exportedAt: archive.exportedAt },
        ...(input.requestId ? { requestId: input.requestId } : {}),
      }),
    input.userId,
  )
  return result
}
