// Fixed-window request counters shared by stateless API instances (NFR-S7). Not tenant data: keys are
// 'user:<id>' or 'ip:<addr>:<route>'. Reached through crm_platform only.
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './_columns.ts'

export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'rate_limit_counters_pkey', columns: [t.key, t.windowStart] }),
    index('rate_limit_counters_window_start_idx').on(t.windowStart),
  ],
).enableRLS()
