// Organizations (F6): companies with an optional parent (subsidiaries), custom fields, soft delete.
import { sql } from 'drizzle-orm'
import { check, foreignKey, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, timestamptz } from './_columns.ts'
import { inTenant, policies } from './_rls.ts'
import { domainKey, nameKey, organizationDuplicateIndexes } from './duplicate-keys.ts'
import { tenantId } from './tenants.ts'

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    tenantId: tenantId(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    size: text('size'),
    industry: text('industry'),
    location: text('location'),
    website: text('website'),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    /** Normalized keys the duplicates view groups by (ADR 0172), kept by Postgres. */
    domainKey: domainKey(),
    nameKey: nameKey(),
    deletedAt: timestamptz('deleted_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('organizations_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'organizations_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
    check('organizations_not_own_parent', sql`parent_id <> id`),
    check('organizations_custom_fields_object', sql`jsonb_typeof(custom_fields) = 'object'`),
    index('organizations_tenant_id_created_at_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    index('organizations_tenant_id_parent_id_idx').on(t.tenantId, t.parentId),
    index('organizations_tenant_id_name_idx').on(t.tenantId, t.name, t.id),
    // An import's lookups (ADR 0174): a contact's organization by name, duplicates by name or website domain,
    // whatever the case; the domain expression is the one organization-import.ts writes.
    index('organizations_tenant_id_lower_name_idx').on(t.tenantId, sql`lower(${t.name})`),
    index('organizations_tenant_id_domain_idx').on(
      t.tenantId,
      sql`lower(regexp_replace(substring(${t.website} from '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)'), '^[Ww][Ww][Ww]\\.', ''))`,
    ),
    index('organizations_name_trgm_idx').using('gin', t.tenantId, t.name.op('gin_trgm_ops')),
    ...organizationDuplicateIndexes(t),
    ...policies({
      table: 'organizations',
      noun: 'organizations',
      who: 'members of their tenant',
      commands: ['select', 'insert', 'update'],
      condition: inTenant,
      why: 'Organizations are shared by the whole tenant, reps included (F6.2); deletion is soft (deleted_at).',
    }),
  ],
)
