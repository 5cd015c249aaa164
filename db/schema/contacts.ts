// Contacts (F7): people, unique email per tenant among live rows, owned by an assigned user (F9).
import { sql } from 'drizzle-orm'
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { auditColumns, citext, id, timestamptz } from './_columns.ts'
import { inTenant, isTeamLead, ownsRecord, policies } from './_rls.ts'
import { contactDuplicateIndexes, emailKey, phoneKey } from './duplicate-keys.ts'
import { organizations } from './organizations.ts'
import { tenantId } from './tenants.ts'
import { users } from './users.ts'

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    tenantId: tenantId(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name'),
    /** "First Last", kept by Postgres for search and display. */
    fullName: text('full_name')
      .notNull()
      .generatedAlwaysAs(sql`first_name || coalesce(' ' || last_name, '')`),
    email: citext('email'),
    phone: text('phone'),
    title: text('title'),
    organizationId: uuid('organization_id'),
    assignedUserId: uuid('assigned_user_id'),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    /** Normalized keys the duplicates view groups by (ADR 0172), kept by Postgres. */
    emailKey: emailKey(),
    phoneKey: phoneKey(),
    deletedAt: timestamptz('deleted_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('contacts_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'contacts_organization_fk',
      columns: [t.tenantId, t.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }),
    foreignKey({
      name: 'contacts_assigned_user_fk',
      columns: [t.tenantId, t.assignedUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    // F7.7: citext makes this case-insensitive, so it equals a unique (tenant_id, lower(email)).
    uniqueIndex('contacts_tenant_id_email_live_key')
      .on(t.tenantId, t.email)
      .where(sql`deleted_at is null and email is not null`),
    check('contacts_custom_fields_object', sql`jsonb_typeof(custom_fields) = 'object'`),
    index('contacts_tenant_id_created_at_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    // A rep's page of their own contacts: assigned to them, or created by them and handed over (ADR 0100).
    index('contacts_tenant_id_assigned_user_id_idx').on(
      t.tenantId,
      t.assignedUserId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    index('contacts_tenant_id_handed_over_idx')
      .on(t.tenantId, t.createdBy, t.createdAt.desc(), t.id.desc())
      .where(sql`created_by is distinct from assigned_user_id`),
    index('contacts_tenant_id_created_by_idx').on(t.tenantId, t.createdBy),
    // A company's contacts; with the assignee, a rep's contacts of a company (search by company, ADR 0100).
    index('contacts_tenant_id_organization_id_idx').on(t.tenantId, t.organizationId, t.assignedUserId),
    index('contacts_tenant_id_name_idx').on(t.tenantId, t.lastName, t.firstName, t.id),
    // One-box typo-tolerant search (F7.3): trigram GIN indexes led by tenant_id (btree_gin), with the owner
    // columns so a rep's search reads only their own matches (ADR 0100).
    index('contacts_full_name_trgm_idx').using(
      'gin',
      t.tenantId,
      t.assignedUserId,
      t.createdBy,
      t.fullName.op('gin_trgm_ops'),
    ),
    index('contacts_email_trgm_idx').using(
      'gin',
      t.tenantId,
      t.assignedUserId,
      t.createdBy,
      sql`(email::text) gin_trgm_ops`,
    ),
    // A name typed from its start ("bianchi", "marco bian"): a btree range, so a name shared by thousands
    // gives its first candidates without reading them all (search_contacts, migration 0023). The owner
    // columns are index conditions too: a rep's search visits only the rep's own rows.
    index('contacts_full_name_prefix_idx').on(
      t.tenantId,
      sql`lower(full_name) text_pattern_ops`,
      t.assignedUserId,
      t.createdBy,
    ),
    index('contacts_last_name_prefix_idx').on(
      t.tenantId,
      sql`lower(last_name) text_pattern_ops`,
      t.assignedUserId,
      t.createdBy,
    ),
    // Phones are searched by their digits whatever the formatting ("5550" finds "+1 (555) 0123").
    index('contacts_phone_digits_trgm_idx').using(
      'gin',
      t.tenantId,
      t.assignedUserId,
      t.createdBy,
      sql`(regexp_replace(phone, '\\D', '', 'g')) gin_trgm_ops`,
    ),
    ...contactDuplicateIndexes(t),
    ...policies({
      table: 'contacts',
      noun: 'contacts',
      who: 'their owner and tenant leads',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and (${isTeamLead} or ${ownsRecord})`,
      why: 'Admins and managers see every contact of the tenant (F9.3); anyone else (reps) only contacts assigned to or created by them (F9.4). Deletion is soft (deleted_at): no DELETE grant.',
    }),
  ],
)
