// Per-account login backoff (issue 11, ADR 0147): consecutive failed logins per email address, known
// or not (so the answer says nothing about which addresses exist). Not tenant data: reached through
// crm_platform only, like the rate-limit counters.
import { integer, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './_columns.ts'

export const loginBackoff = pgTable('login_backoff', {
  /** The email as typed, lower-cased. */
  account: text('account').primaryKey(),
  failures: integer('failures').notNull(),
  /** Until then a login for this account is refused without checking the password. */
  lockedUntil: timestamptz('locked_until'),
  updatedAt: timestamptz('updated_at').notNull(),
}).enableRLS()
