// CSV imports (issue 15, ADR 0174): a file uploaded by a member is stored row by row, mapped to fields,
// checked, then written in batches in the background as that member, so the same rules, policies and audit
// hold as for single writes. Each row keeps its outcome and, for an updated record, the values it replaced:
// the rejected-rows report and the undo of a whole import read them back. Private to the member who
// uploaded the file: the records it wrote are visible to others through their own tables' policies.
import { sql } from 'drizzle-orm'
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { currentUserId, inTenant, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

export const IMPORT_ENTITIES = ['contact', 'organization'] as const
export const IMPORT_STATUSES = ['uploaded', 'running', 'done', 'undoing', 'undone'] as const
export const DEDUPE_MODES = ['skip', 'update', 'create'] as const
export const ROW_OUTCOMES = ['created', 'updated', 'skipped', 'rejected'] as const

export const imports = pgTable(
  'imports',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    entity: text('entity', { enum: IMPORT_ENTITIES }).notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('uploaded'),
    fileName: text('file_name').notNull(),
    encoding: text('encoding').notNull(),
    delimiter: text('delimiter').notNull(),
    /** The file's header cells, in order. */
    columns: jsonb('columns').$type<string[]>().notNull(),
    /** For each column, the field it fills, or null to ignore it. */
    mapping: jsonb('mapping').$type<(string | null)[]>().notNull(),
    dedupeMode: text('dedupe_mode', { enum: DEDUPE_MODES }).notNull().default('skip'),
    totalRows: integer('total_rows').notNull(),
    /** Rows 1..processed_rows have an outcome: the batch cursor, advanced in each batch's transaction. */
    processedRows: integer('processed_rows').notNull().default(0),
    /** Rows 1..undone_rows are undone (while undoing). */
    undoneRows: integer('undone_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    /** Last batch written: a run silent for long has died (a restart) and is taken over. */
    heartbeatAt: timestamptz('heartbeat_at'),
    finishedAt: timestamptz('finished_at'),
    undoneAt: timestamptz('undone_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('imports_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'imports_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    index('imports_user_created_idx').on(t.tenantId, t.userId, t.createdAt.desc(), t.id.desc()),
    check('imports_entity_known', sql`${t.entity} in ('contact', 'organization')`),
    check('imports_status_known', sql`${t.status} in ('uploaded', 'running', 'done', 'undoing', 'undone')`),
    check('imports_dedupe_known', sql`${t.dedupeMode} in ('skip', 'update', 'create')`),
    check('imports_counts', sql`${t.processedRows} between 0 and ${t.totalRows}`),
    ...policies({
      table: 'imports',
      noun: 'imports',
      who: 'the member who uploaded them',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why: 'An import is one member’s file and its rows: only they map, run, read or undo it (ADR 0174). What it wrote is governed by the records’ own policies.',
    }),
  ],
)

export const importRows = pgTable(
  'import_rows',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull(),
    /** 1-based data row number (the header is row 0), as the member sees it in a spreadsheet minus one. */
    rowNo: integer('row_no').notNull(),
    userId: uuid('user_id').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    outcome: text('outcome', { enum: ROW_OUTCOMES }),
    recordId: uuid('record_id'),
    /** For an updated record: the values the import replaced, restored by undo. */
    before: jsonb('before').$type<Record<string, unknown>>(),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ name: 'import_rows_pkey', columns: [t.tenantId, t.importId, t.rowNo] }),
    foreignKey({
      name: 'import_rows_import_fk',
      columns: [t.tenantId, t.importId],
      foreignColumns: [imports.tenantId, imports.id],
    }).onDelete('cascade'),
    // A later batch finds the row of this import that already wrote a record (a key repeated 500 rows on).
    index('import_rows_record_idx')
      .on(t.tenantId, t.importId, t.recordId)
      .where(sql`${t.recordId} is not null`),
    // The rejected-rows report reads only the rejected rows of a big import.
    index('import_rows_rejected_idx')
      .on(t.tenantId, t.importId, t.rowNo)
      .where(sql`${t.outcome} = 'rejected'`),
    check('import_rows_outcome_known', sql`${t.outcome} in ('created', 'updated', 'skipped', 'rejected')`),
    ...policies({
      table: 'import_rows',
      noun: 'import rows',
      who: 'the member who uploaded them',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and user_id = ${currentUserId}`,
      why: 'The rows of a member’s import file: only the member who uploaded it reads or processes them (ADR 0174).',
    }),
  ],
)
