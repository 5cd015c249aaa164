// Who owns a deal or contact, as the rep rule of the policies has it (F9.4, `ownsRecord` in db/schema/_rls.ts:
// assigned to, or created by, the member). For services that must decide what *another* member could see
// (a task's assignee, ADR 0168; a notification's recipient, ADR 0169), which RLS, bound to the caller,
// cannot answer. Read as the caller, who sees the records of the change they are making.
import type { schema, Tx } from '@aura/db'
import { and, eq, inArray } from 'drizzle-orm'

export interface RecordOwner {
  assigned: string | null
  createdBy: string | null
}

type OwnedTable = typeof schema.deals | typeof schema.contacts

/** The owners of the given deals or contacts, by id (ids the caller cannot see are absent). */
export async function ownersOf(
  tx: Tx,
  tenantId: string,
  table: OwnedTable,
  ids: readonly string[],
): Promise<Map<string, RecordOwner>> {
  if (ids.length === 0) return new Map()
  const rows = await tx
    .select({ id: table.id, assigned: table.assignedUserId, createdBy: table.createdBy })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.id, [...ids])))
  return new Map(rows.map((r) => [r.id, r]))
}

/** Whether a rep `userId` sees the record: assigned to or created by them. */
export const ownedBy = (owner: RecordOwner | undefined, userId: string): boolean =>
  !!owner && (owner.assigned === userId || owner.createdBy === userId)
