// The archive's coverage is read from the catalog: a table or a users column added later fails here until
// it is classified (archived, or excluded with a reason), so nothing silently drops out of backups and no
// new secret silently drops into them.
import type { Connection } from '@aura/db/connect'
import { testDb } from '@aura/db/test/db'
import { rows } from '@aura/db/test/helpers'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { archiveColumns } from './archive-columns.ts'
import { ARCHIVED_TABLES, EXCLUDED_TABLES } from './archive-tables.ts'

let conn: Connection

beforeAll(async () => {
  conn = await testDb()
})
afterAll(() => conn.close())

const columnsOf = async (table: string) =>
  (
    await rows<{ name: string }>(
      conn.db,
      sql`select column_name as name from information_schema.columns
          where table_schema = 'public' and table_name = ${table} order by 1`,
    )
  ).map((c) => c.name)

describe('what a workspace archive covers', () => {
  it('classifies every table of the database as archived or excluded, never both', async () => {
    const tables = (
      await rows<{ name: string }>(
        conn.db,
        sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
      )
    ).map((t) => t.name)
    const archived = ARCHIVED_TABLES.map((t) => t.name)
    expect(tables.filter((t) => !archived.includes(t) && !(t in EXCLUDED_TABLES))).toEqual([])
    expect(archived.filter((t) => !tables.includes(t))).toEqual([])
    expect(archived.filter((t) => t in EXCLUDED_TABLES)).toEqual([])
    // No stale reasons: a dropped or renamed table leaves the list with its migration.
    expect(Object.keys(EXCLUDED_TABLES).filter((t) => !tables.includes(t))).toEqual([])
  })

  it('archives every tenant table that holds workspace records; the others are excluded with a reason', async () => {
    // A table "of a tenant" is any table with a column naming one: tenant_id (RLS-scoped records and
    // credentials), target_tenant_id and archived_tenant_id (the platform's records about a workspace).
    const tenantTables = (
      await rows<{ name: string }>(
        conn.db,
        sql`select distinct table_name as name from information_schema.columns
            where table_schema = 'public'
              and column_name in ('tenant_id', 'target_tenant_id', 'archived_tenant_id')
            order by 1`,
      )
    ).map((t) => t.name)
    const archived = ARCHIVED_TABLES.map((t) => t.name)
    expect(tenantTables.filter((t) => !archived.includes(t) && !(t in EXCLUDED_TABLES))).toEqual([])
    const excluded = tenantTables.filter((t) => t in EXCLUDED_TABLES)
    // Adding a table here is a decision about backups: say why in EXCLUDED_TABLES, then list it here.
    expect(excluded.sort()).toEqual([
      'activity_owners',
      'api_tokens',
      'audit_log_archive',
      'deal_close_totals',
      'email_outbox',
      'idempotency_keys',
      'import_rows',
      'imports',
      'invitations',
      'merges',
      'notification_digests',
      'notification_preferences',
      'notifications',
      'pipeline_stage_totals',
      'platform_audit_log',
      'saved_views',
      'sessions',
      'task_reminders',
    ])
    for (const t of excluded) expect(EXCLUDED_TABLES[t]?.length ?? 0, t).toBeGreaterThan(20)
  })

  it('archives every column of an archived table unless it is left out on purpose', async () => {
    for (const entry of ARCHIVED_TABLES) {
      const archived = archiveColumns(entry.name).map((c) => c.name)
      const omitted = Object.keys(entry.omit ?? {})
      expect([...archived, ...omitted, 'tenant_id'].sort(), entry.name).toEqual(await columnsOf(entry.name))
    }
  })

  it('keeps secrets out: no hash, token or password column is archived', () => {
    const archived = ARCHIVED_TABLES.flatMap((t) => archiveColumns(t.name).map((c) => `${t.name}.${c.name}`))
    expect(archived.filter((c) => /hash|token|password|secret/.test(c))).toEqual([])
    expect(Object.keys(ARCHIVED_TABLES.find((t) => t.name === 'users')?.omit ?? {})).toContain(
      'password_hash',
    )
  })

  it('knows which archived table every foreign key points into', () => {
    const references = Object.fromEntries(
      ARCHIVED_TABLES.flatMap((t) =>
        archiveColumns(t.name)
          .filter((c) => c.references)
          .map((c) => [`${t.name}.${c.name}`, c.references]),
      ),
    )
    expect(references).toMatchObject({
      'process_stages.process_id': 'sales_processes',
      'deals.stage_id': 'process_stages',
      'deals.process_id': 'sales_processes',
      'organizations.parent_id': 'organizations',
      'deal_line_items.product_id': 'products',
      'activities.participant_user_id': 'users',
    })
    const order = ARCHIVED_TABLES.map((t) => t.name)
    for (const [column, table] of Object.entries(references)) {
      const [owner] = column.split('.')
      expect(order.indexOf(table as string), column).toBeLessThanOrEqual(order.indexOf(owner as string))
    }
  })
})
