// Why deals are lost (issue 13): a short list per sales process that an admin edits. A reason is archived,
// never deleted, so a lost deal keeps pointing at the reason it was lost for.
import { sql } from 'drizzle-orm'
import { foreignKey, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { configPolicies, salesProcesses } from './processes.ts'
import { tenantId } from './tenants.ts'

export const lostReasons = pgTable(
  'lost_reasons',
  {
    id: id(),
    tenantId: tenantId(),
    processId: uuid('process_id').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamptz('archived_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('lost_reasons_tenant_id_id_key').on(t.tenantId, t.id),
    // Target of deals' (tenant_id, process_id, lost_reason_id) key: a deal's reason is one of its process.
    unique('lost_reasons_tenant_id_process_id_id_key').on(t.tenantId, t.processId, t.id),
    foreignKey({
      name: 'lost_reasons_process_fk',
      columns: [t.tenantId, t.processId],
      foreignColumns: [salesProcesses.tenantId, salesProcesses.id],
    }).onDelete('cascade'),
    uniqueIndex('lost_reasons_live_label_key')
      .on(t.tenantId, t.processId, sql`lower(${t.label})`)
      .where(sql`archived_at is null`),
    index('lost_reasons_tenant_id_process_id_position_idx').on(t.tenantId, t.processId, t.position),
    ...configPolicies('lost_reasons', 'lost reasons', 'lost reasons'),
  ],
)
