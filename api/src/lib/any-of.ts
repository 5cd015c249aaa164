import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'

/**
 * `expr = any($1::type[])`: one array parameter for a batch of keys, where drizzle's inArray writes one
 * parameter per value (a different statement for each batch size, and 500 parameters to bind).
 */
export const anyOf = (expr: SQLWrapper, values: string[], type: 'text' | 'citext' | 'uuid'): SQL =>
  sql`${expr} = any(${sql.param(values)}::${sql.raw(type)}[])`
