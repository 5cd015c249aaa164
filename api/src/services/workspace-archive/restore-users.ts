// People: an archived person whose email already belongs to a member of the target workspace is that
// member (the admin restoring is usually in the archive); the rest are created without a password. An
// email held by an account outside this workspace cannot be created here (one user, one workspace,
// ADR 0040): the restore is refused with 409 naming those addresses.
import { schema, type Tx } from '@aura/db'
import { and, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'
import type { IdMap } from './id-map.ts'
import { asArchiveProblem, batches, rowsPerStatement, rowValues } from './insert-rows.ts'
import type { ArchiveRow } from './parse-archive.ts'

const { users } = schema
const MAX_LISTED = 20

export async function restoreUsers(
  tx: Tx,
  { tenantId, rows, ids }: { tenantId: string; rows: ArchiveRow[]; ids: IdMap },
) {
  const members = new Map<string, string>()
  for (const batch of batches(rows, 1000)) {
    const found = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        and(
          eq(users.tenantId, tenantId),
          inArray(
            users.email,
            batch.map((r) => r.email as string),
          ),
        ),
      )
    for (const u of found) members.set(u.email.toLowerCase(), u.id)
  }
  const fresh = rows.filter((row) => {
    const member = members.get(String(row.email).toLowerCase())
    if (member) ids.redirect('users', row.id as string, member)
    return !member
  })
  const created = new Set<string>()
  await asArchiveProblem('users', async () => {
    for (const batch of batches(fresh, rowsPerStatement('users'))) {
      const inserted = await tx
        .insert(users)
        .values(batch.map((r) => rowValues({ table: 'users', row: r, ids, tenantId })) as never)
        .onConflictDoNothing({ target: users.email })
        .returning({ email: users.email })
      for (const u of inserted) created.add(u.email.toLowerCase())
    }
  })
  const elsewhere = fresh.map((r) => String(r.email)).filter((e) => !created.has(e.toLowerCase()))
  if (elsewhere.length > 0) {
    throw new AppError('conflict', 'Some people in the archive have an account outside this workspace', {
      errors: elsewhere.slice(0, MAX_LISTED).map((email) => ({
        field: 'tables.users',
        message: `${email} already has an account elsewhere`,
      })),
    })
  }
  return { created: created.size, matched: rows.length - fresh.length }
}
