// Column helpers shared by every table: ids, the tenant key, audit columns, money and citext.
import { sql } from 'drizzle-orm'
import { customType, numeric, timestamp, uuid } from 'drizzle-orm/pg-core'

/** The acting user as bound by withTenant/withPlatform; NULL for system work. */
export const currentUserDefault = sql`nullif(current_setting('app.current_user_id', true), '')::uuid`

export const id = () => uuid('id').primaryKey().defaultRandom()

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/** created_at/updated_at/created_by/updated_by on every record; a trigger keeps the updated_* pair. */
export const auditColumns = () => ({
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  createdBy: uuid('created_by').default(currentUserDefault),
  updatedBy: uuid('updated_by').default(currentUserDefault),
})

/** Money: exact decimal, a string in TypeScript, never a JS number. */
export const money = (name: string) => numeric(name, { precision: 14, scale: 2 })

export const percent = (name: string) => numeric(name, { precision: 5, scale: 2 })

/** Case-insensitive text (extension citext): emails compare and index case-insensitively. */
export const citext = customType<{ data: string }>({ dataType: () => 'citext' })
