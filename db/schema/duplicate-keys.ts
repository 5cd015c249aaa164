// Duplicate keys (issue 15, ADR 0172): normalized values Postgres keeps in stored generated columns
// (functions of migration 0034), and the indexes the duplicates view walks in key order, led by tenant_id.
// A lead's walk reads the tenant's live keys; a rep's reads the keys of contacts assigned to them, on indexes
// whose predicate does not say "live" (the rep's branch states it opaquely, as in deals-page-indexes.ts,
// so it can never be planned on a lead's index: lib/owned-page.ts).
import { type SQL, sql } from 'drizzle-orm'
import { type ExtraConfigColumn, index, text } from 'drizzle-orm/pg-core'

/** Same e-mail ignoring case (and, for Gmail, dots and +tags in the local part). */
export const emailKey = () => text('email_key').generatedAlwaysAs(sql`contact_email_key((email)::text)`)
/** The phone's digits, when there are at least 7. */
export const phoneKey = () => text('phone_key').generatedAlwaysAs(sql`contact_phone_key(phone)`)
/** The website's host without scheme, www. and path. */
export const domainKey = () => text('domain_key').generatedAlwaysAs(sql`organization_domain_key(website)`)
/** The first word of the name without punctuation and legal forms: the block names are compared within. */
export const nameKey = () => text('name_key').generatedAlwaysAs(sql`organization_name_key(name)`)

interface ContactColumns {
  tenantId: ExtraConfigColumn
  assignedUserId: ExtraConfigColumn
  organizationId: ExtraConfigColumn
  emailKey: ExtraConfigColumn
  phoneKey: ExtraConfigColumn
  deletedAt: ExtraConfigColumn
  id: ExtraConfigColumn
}

interface OrganizationColumns {
  tenantId: ExtraConfigColumn
  domainKey: ExtraConfigColumn
  nameKey: ExtraConfigColumn
  deletedAt: ExtraConfigColumn
  id: ExtraConfigColumn
}

export const contactDuplicateIndexes = (t: ContactColumns) => {
  const live = (key: SQL) => sql`${t.deletedAt} is null and ${key} is not null`
  return [
    index('contacts_email_key_idx')
      .on(t.tenantId, t.emailKey, t.id)
      .where(live(sql`${t.emailKey}`)),
    index('contacts_rep_email_key_idx')
      .on(t.tenantId, t.assignedUserId, t.emailKey, t.id)
      .where(sql`${t.emailKey} is not null`),
    index('contacts_phone_key_idx')
      .on(t.tenantId, t.phoneKey, t.id)
      .where(live(sql`${t.phoneKey}`)),
    index('contacts_rep_phone_key_idx')
      .on(t.tenantId, t.assignedUserId, t.phoneKey, t.id)
      .where(sql`${t.phoneKey} is not null`),
    index('contacts_org_block_idx')
      .on(t.tenantId, t.organizationId, t.id)
      .where(live(sql`${t.organizationId}`)),
    index('contacts_rep_org_block_idx')
      .on(t.tenantId, t.assignedUserId, t.organizationId, t.id)
      .where(sql`${t.organizationId} is not null`),
  ]
}

export const organizationDuplicateIndexes = (t: OrganizationColumns) => {
  const live = (key: SQL) => sql`${t.deletedAt} is null and ${key} is not null`
  return [
    index('organizations_domain_key_idx')
      .on(t.tenantId, t.domainKey, t.id)
      .where(live(sql`${t.domainKey}`)),
    index('organizations_name_key_idx')
      .on(t.tenantId, t.nameKey, t.id)
      .where(live(sql`${t.nameKey}`)),
  ]
}
