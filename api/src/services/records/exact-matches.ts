// Exact matches that RLS would otherwise turn into reading every visible row (migration 0036, ADR 0174).
// citext's =, lower() and the regexp functions are not LEAKPROOF, so under RLS a query's `email = …` or
// `lower(name) = …` may not be an index condition: the planner must test the policy first, row by row. These
// SECURITY DEFINER functions (owned by crm_search, like the search functions of ADR 0080) apply the
// policies' own tenant and ownership tests and return ids through the indexes; callers read the rows by
// id under RLS.
import type { Tx } from '@aura/db'
import { sql } from 'drizzle-orm'

/** Live contacts with one of these e-mails (any case) that the bound member may see. */
export async function contactIdsByEmail(tx: Tx, emails: string[]): Promise<string[]> {
  if (emails.length === 0) return []
  const result = (await tx.execute(
    sql`select id from contact_ids_by_email(${sql.param(emails)}::citext[])`,
  )) as unknown as { rows: { id: string }[] }
  return result.rows.map((r) => r.id)
}

/** Live organizations whose lower-cased name, or website domain without "www.", is one of these (each once). */
export async function organizationIdsByKey(tx: Tx, names: string[], domains: string[]): Promise<string[]> {
  if (names.length + domains.length === 0) return []
  const result = (await tx.execute(
    sql`select id from organization_ids_by_key(${sql.param(names)}::text[], ${sql.param(domains)}::text[])`,
  )) as unknown as { rows: { id: string }[] }
  return [...new Set(result.rows.map((r) => r.id))]
}
