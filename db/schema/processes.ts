// Sales processes (F11): several per tenant, exactly one live default, each an ordered list of stages.
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { inTenant, isAdmin, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'

export const stageKind = pgEnum('stage_kind', ['open', 'won', 'lost'])

/** Tenant configuration: every member reads it, only admins change it. */
export const configPolicies = (table: string, noun: string, what: string) => [
  ...policies({
    table,
    noun,
    who: 'members of their tenant',
    commands: ['select'],
    condition: inTenant,
    why: `Every member reads the tenant’s ${what}; deals depend on them.`,
  }),
  ...policies({
    table,
    noun,
    who: 'admins of their tenant',
    commands: ['insert', 'update', 'delete'],
    condition: sql`${inTenant} and ${isAdmin}`,
    why: `Only admins configure ${what} (F4.1: managers and reps have read-only access).`,
  }),
]

export const salesProcesses = pgTable(
  'sales_processes',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    description: text('description'),
    isDefault: boolean('is_default').notNull().default(false),
    position: integer('position').notNull().default(0),
    archivedAt: timestamptz('archived_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('sales_processes_tenant_id_id_key').on(t.tenantId, t.id),
    // F11.13: one default per tenant among live processes.
    uniqueIndex('sales_processes_one_default_per_tenant')
      .on(t.tenantId)
      .where(sql`is_default and archived_at is null`),
    index('sales_processes_tenant_id_position_idx').on(t.tenantId, t.position),
    check('sales_processes_default_not_archived', sql`not (is_default and archived_at is not null)`),
    ...configPolicies('sales_processes', 'sales processes', 'sales processes'),
  ],
)

export const processStages = pgTable(
  'process_stages',
  {
    id: id(),
    tenantId: tenantId(),
    processId: uuid('process_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    kind: stageKind('kind').notNull().default('open'),
    /** Default win probability for deals entering the stage (F11.7), 0–100. */
    winProbability: integer('win_probability').notNull().default(0),
    /** Deal fields that must be filled before a deal may enter this stage (F11.7). */
    requiredFields: text('required_fields').array().notNull().default(sql`'{}'::text[]`),
    ...auditColumns(),
  },
  (t) => [
    unique('process_stages_tenant_id_id_key').on(t.tenantId, t.id),
    // Target of deals' (tenant_id, process_id, stage_id) key: a deal's stage belongs to its process.
    unique('process_stages_tenant_id_process_id_id_key').on(t.tenantId, t.processId, t.id),
    foreignKey({
      name: 'process_stages_process_fk',
      columns: [t.tenantId, t.processId],
      foreignColumns: [salesProcesses.tenantId, salesProcesses.id],
    }).onDelete('cascade'),
    index('process_stages_tenant_id_process_id_position_idx').on(t.tenantId, t.processId, t.position),
    check('process_stages_win_probability_range', sql`win_probability between 0 and 100`),
    ...configPolicies('process_stages', 'process stages', 'pipeline stages'),
  ],
)
