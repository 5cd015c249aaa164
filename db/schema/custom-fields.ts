// Per-tenant custom field definitions (F6.6, F7.6, F12.6): values live in each record's custom_fields jsonb
// and are validated against these by the API.
import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgEnum, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { inTenant, isAdmin, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'

export const customFieldEntity = pgEnum('custom_field_entity', ['organization', 'contact', 'deal', 'product'])
export const customFieldType = pgEnum('custom_field_type', ['text', 'number', 'date', 'select'])

export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: id(),
    tenantId: tenantId(),
    entity: customFieldEntity('entity').notNull(),
    /** The jsonb key, e.g. 'linkedin_url'. */
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: customFieldType('type').notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
    archivedAt: timestamptz('archived_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('custom_field_definitions_tenant_id_id_key').on(t.tenantId, t.id),
    unique('custom_field_definitions_tenant_entity_key_key').on(t.tenantId, t.entity, t.key),
    index('custom_field_definitions_tenant_id_entity_idx').on(t.tenantId, t.entity, t.position),
    check('custom_field_definitions_key_format', sql`key ~ '^[a-z][a-z0-9_]{0,62}$'`),
    check('custom_field_definitions_select_has_options', sql`type <> 'select' or cardinality(options) > 0`),
    ...policies({
      table: 'custom_field_definitions',
      noun: 'custom fields',
      who: 'members of their tenant',
      commands: ['select'],
      condition: inTenant,
      why: 'Every member reads the definitions to fill in records.',
    }),
    ...policies({
      table: 'custom_field_definitions',
      noun: 'custom fields',
      who: 'admins of their tenant',
      commands: ['insert', 'update', 'delete'],
      condition: sql`${inTenant} and ${isAdmin}`,
      why: 'Custom fields are tenant settings: admins only.',
    }),
  ],
)
