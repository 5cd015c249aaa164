import { z } from '@hono/zod-openapi'

/** A nullable timestamp as the API writes it: ISO 8601 text or null. */
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)

// Dates a person enters are refused outside 1900–9999: year 0 does not exist in Postgres (a 500 before
// this) and 0001-01-01 is a typo, not a close date.
export const MIN_YEAR = 1900
export const MAX_YEAR = 9999
/** Checked beside the format: a value that is no date at all gets the format's message alone. */
const inYears = (v: string) => {
  const year = Number(v.slice(0, 4))
  return !/^\d{4}/.test(v) || (year >= MIN_YEAR && year <= MAX_YEAR)
}
const yearsMessage = `Use a year from ${MIN_YEAR} to ${MAX_YEAR}`

export const ZDate = z.iso.date('Use a date such as 2026-03-31').refine(inYears, yearsMessage)
export const ZDateTime = z.iso
  .datetime({ offset: true, message: 'Use an ISO date-time' })
  .refine(inYears, yearsMessage)

/**
 * Whether `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS…` names a moment that exists (no 2026-02-30, no 25:00) in
 * year 1 or later: what Postgres can cast. For values the API made itself (cursors), whatever their year.
 */
export function isRealDate(v: string): boolean {
  const head = v.length >= 19 ? v.slice(0, 19) : v
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/.test(head) || head.startsWith('0000')) return false
  const d = new Date(head.length === 10 ? `${head}T00:00:00Z` : `${head}Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, head.length) === head
}
