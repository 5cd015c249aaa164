// Organizations from a file (issue 15, ADR 0174): the checks of createOrganization on a batch of rows,
// matched to live organizations by website domain when the row has a website, else by name (both
// case-insensitive, through expression indexes of migration 0036). Organizations are shared by the tenant
// (F6.2), so a rep's import matches and updates any of them, as a rep's single edit may.
import { schema } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { anyOf } from '../../lib/any-of.ts'
import type { FieldError } from '../../lib/problem.ts'
import { checkCustomFields, loadCustomFieldRules } from '../custom-fields/validate-custom-fields.ts'
import { ZOrganizationInput } from '../organizations/organizations.inputs.ts'
import { organizationIdsByKey } from '../records/exact-matches.ts'
import { auditBatch } from './import-audit.ts'
import { customImportFields, customValues } from './import-cells.ts'
import type { ExistingRecord, ImportField, ImportTarget, PreparedRow } from './import-target.ts'
import { restoreEach, updateEach } from './import-writes.ts'

const FIELDS: ImportField[] = [
  {
    key: 'name',
    label: 'Name',
    aliases: ['name', 'organization', 'organisation', 'company', 'companyname', 'account', 'accountname'],
  },
  { key: 'website', label: 'Website', aliases: ['website', 'web', 'url', 'site', 'homepage', 'domain'] },
  { key: 'industry', label: 'Industry', aliases: ['industry', 'sector'] },
  { key: 'size', label: 'Size', aliases: ['size', 'employees', 'companysize', 'headcount'] },
  { key: 'location', label: 'Location', aliases: ['location', 'city', 'address', 'country', 'headquarters'] },
]

type OrganizationColumns = {
  name?: string
  website?: string | null
  industry?: string | null
  size?: string | null
  location?: string | null
}
export interface OrganizationValues {
  columns: OrganizationColumns
  customFields?: Record<string, unknown>
}

const TEXT_FIELDS = ['name', 'website', 'industry', 'size', 'location'] as const
const ZRow = ZOrganizationInput.pick({
  name: true,
  website: true,
  industry: true,
  size: true,
  location: true,
}).partial()

/** The host of a website without "www.", lower-cased: the rule of organization_ids_by_key (migration 0036). */
export function domainOf(website: string): string | null {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(website.trim())?.[1]
  return host ? host.toLowerCase().replace(/^www\./, '') : null
}

const keyOf = (c: OrganizationColumns) => {
  const domain = c.website ? domainOf(c.website) : null
  return domain ? `domain:${domain}` : c.name ? `name:${c.name.toLowerCase()}` : null
}

export const organizationImport: ImportTarget<OrganizationValues> = {
  uniqueRefusal: 'An organization with this name already exists',
  requiredOneOf: ['name'],

  async fields(tx, tenantId) {
    return [...FIELDS, ...customImportFields(await loadCustomFieldRules(tx, tenantId, 'organization'))]
  },

  async prepare(tx, actor, rows) {
    const rules = await loadCustomFieldRules(tx, actor.tenantId, 'organization')
    return rows.map((row): PreparedRow<OrganizationValues> => {
      const errors: FieldError[] = []
      const text = Object.fromEntries(TEXT_FIELDS.flatMap((k) => (row[k] ? [[k, row[k]]] : [])))
      const parsed = ZRow.safeParse(text)
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          errors.push({ field: String(issue.path[0]), message: issue.message })
      const custom = customValues(rules, row)
      const checked = checkCustomFields(rules, { entity: 'organization', values: custom, existing: {} })
      errors.push(...checked.errors)
      if (!parsed.success || errors.length > 0) return { ok: false, errors }
      const columns: OrganizationColumns = parsed.data
      const createErrors: FieldError[] = []
      if (!columns.name) createErrors.push({ field: 'name', message: 'Enter a name' })
      createErrors.push(...checkCustomFields(rules, { entity: 'organization', values: custom }).errors)
      return {
        ok: true,
        values: { columns, ...(custom ? { customFields: checked.result } : {}) },
        key: keyOf(columns),
        createErrors,
      }
    })
  },

  async findExisting(tx, tenantId, keys) {
    const found = new Map<string, ExistingRecord>()
    const domains = keys.filter((k) => k.startsWith('domain:')).map((k) => k.slice(7))
    const names = keys.filter((k) => k.startsWith('name:')).map((k) => k.slice(5))
    const ids = await organizationIdsByKey(tx, names, domains)
    if (ids.length === 0) return found
    const o = schema.organizations
    const rows = await tx
      .select({
        id: o.id,
        name: o.name,
        website: o.website,
        industry: o.industry,
        size: o.size,
        location: o.location,
        customFields: o.customFields,
      })
      .from(o)
      .where(and(eq(o.tenantId, tenantId), anyOf(o.id, ids, 'uuid')))
      .orderBy(o.createdAt, o.id)
    // The oldest record wins a key that several share.
    for (const { id, ...current } of rows) {
      const domain = current.website ? domainOf(current.website) : null
      for (const key of [domain && `domain:${domain}`, `name:${current.name.toLowerCase()}`])
        if (key && !found.has(key)) found.set(key, { id, current })
    }
    return found
  },

  async insert(tx, actor, rows, importId) {
    if (rows.length === 0) return new Set()
    const o = schema.organizations
    await tx.insert(o).values(
      rows.map(({ id, values }) => ({
        id,
        tenantId: actor.tenantId,
        ...values.columns,
        name: values.columns.name ?? '',
        customFields: values.customFields ?? {},
      })),
    )
    await auditBatch(
      tx,
      actor,
      importId,
      'organization.created',
      rows.map((r) => ({ id: r.id, after: { name: r.values.columns.name, parentId: null } })),
    )
    return new Set()
  },

  update: (tx, actor, rows, importId) => updateEach(tx, { actor, entity: 'organization', importId }, rows),

  async remove(tx, actor, ids, importId) {
    if (ids.length === 0) return
    const o = schema.organizations
    const removed = await tx
      .update(o)
      .set({ deletedAt: new Date() })
      .where(and(eq(o.tenantId, actor.tenantId), anyOf(o.id, ids, 'uuid'), isNull(o.deletedAt)))
      .returning({ id: o.id, name: o.name })
    await auditBatch(
      tx,
      actor,
      importId,
      'organization.deleted',
      removed.map(({ id, name }) => ({ id, before: { name } })),
    )
  },

  restore: (tx, actor, rows, importId) => restoreEach(tx, { actor, entity: 'organization', importId }, rows),
}
