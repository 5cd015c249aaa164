// Secondary indexes dropped for a load and rebuilt after it. Building a btree or a trigram GIN index once
// over all rows is several times cheaper than maintaining it row by row (the contacts' three trigram
// indexes dominate their load otherwise). Primary keys and unique constraints stay: they still reject
// duplicate ids, emails and SKUs during the load. Callers run drop, load and rebuild in one transaction,
// so a failed load rolls the drops back too.
import { sql } from 'drizzle-orm'
import type { Executor } from '../executor.ts'
import { arrayLiteral } from './bulk.ts'

export async function dropSecondaryIndexes(db: Executor, tables: readonly string[]): Promise<string[]> {
  const result = (await db.execute(
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
      join pg_class c on c.relname = i.indexname and c.relnamespace = 'public'::regnamespace
      join pg_index x on x.indexrelid = c.oid
      where i.schemaname = 'public' and i.tablename = any(${arrayLiteral(tables)}::text[])
        and not x.indisunique and not x.indisprimary
      order by i.indexname`,
  )) as unknown as { rows: { name: string; definition: string }[] }
  for (const { name } of result.rows) await db.execute(sql`drop index ${sql.identifier(name)}`)
  return result.rows.map((r) => r.definition)
}

export async function createIndexes(db: Executor, definitions: readonly string[]): Promise<void> {
  await db.execute(sql`select set_config('maintenance_work_mem', '256MB', true)`)
  for (const definition of definitions) await db.execute(sql.raw(definition))
}
