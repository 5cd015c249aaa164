// A digest per table of one or more tenants' rows, ordered by id: equal digests mean equal rows. Used to
// prove that a seed reproduces its data; password hashes are left out (salted, so never reproducible).
import { sql } from 'drizzle-orm'
import type { Executor } from '../executor.ts'
import { arrayLiteral } from './bulk.ts'
import { GENERATED_TABLES } from './plan.ts'

export async function fingerprint(
  db: Executor,
  tenantIds: readonly string[],
): Promise<Record<string, string>> {
  const ids = arrayLiteral(tenantIds)
  const digests: Record<string, string> = {}
  for (const table of GENERATED_TABLES) {
    const key = table === 'tenants' ? 'id' : 'tenant_id'
    const result = (await db.execute(
      sql`select md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, '|' order by t.id), '')) as digest
        from ${sql.identifier(table)} t where ${sql.identifier(key)} = any(${ids}::uuid[])`,
    )) as unknown as { rows: { digest: string }[] }
    digests[table] = result.rows[0]?.digest ?? ''
  }
  return digests
}
