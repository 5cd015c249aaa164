// Text search helpers shared by list endpoints (pg_trgm indexes lead with tenant_id, see db/schema).

/** `%q%` for ILIKE with the LIKE wildcards in q escaped, so "50%" searches for "50%". */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

/** Digits only, for matching phone numbers whatever their formatting. */
export const digitsOf = (s: string) => s.replace(/\D/g, '')
