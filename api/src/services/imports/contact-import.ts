// Contacts from a file (issue 15, ADR 0174): the checks of createContact/updateContact on a batch of rows,
// matched to existing contacts by e-mail (F7.7: one live contact per e-mail, case-insensitive).
import { schema } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { anyOf } from '../../lib/any-of.ts'
import type { FieldError } from '../../lib/problem.ts'
import { ZContactInput } from '../contacts/contacts.inputs.ts'
import { checkCustomFields, loadCustomFieldRules } from '../custom-fields/validate-custom-fields.ts'
import { contactIdsByEmail } from '../records/exact-matches.ts'
import { auditBatch } from './import-audit.ts'
import { customImportFields, customValues, splitName } from './import-cells.ts'
import { membersByNameOrEmail, organizationOf, organizationsByName, ownerOf } from './import-references.ts'
import type { ExistingRecord, ImportField, ImportTarget, MappedRow, PreparedRow } from './import-target.ts'
import { restoreEach, updateEach } from './import-writes.ts'

const FIELDS: ImportField[] = [
  {
    key: 'firstName',
    label: 'First name',
    aliases: ['firstname', 'first', 'givenname', 'forename', 'vorname', 'prenom', 'prénom'],
  },
  {
    key: 'lastName',
    label: 'Last name',
    aliases: ['lastname', 'last', 'surname', 'familyname', 'nachname', 'nom'],
  },
  {
    key: 'fullName',
    label: 'Full name (split into first and last)',
    aliases: ['name', 'fullname', 'contactname', 'contact', 'person'],
  },
  { key: 'email', label: 'E-mail', aliases: ['email', 'emailaddress', 'mail', 'workemail', 'primaryemail'] },
  {
    key: 'phone',
    label: 'Phone',
    aliases: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'workphone'],
  },
  { key: 'title', label: 'Job title', aliases: ['title', 'jobtitle', 'position', 'role'] },
  {
    key: 'organization',
    label: 'Organization (by name)',
    aliases: ['organization', 'organisation', 'company', 'companyname', 'account', 'accountname', 'org'],
  },
  {
    key: 'owner',
    label: 'Owner (member e-mail or name)',
    aliases: ['owner', 'contactowner', 'assignedto', 'assignee', 'salesrep'],
  },
]

/** The contact columns an import writes, as the API names them. */
type ContactColumns = {
  firstName?: string
  lastName?: string | null
  email?: string | null
  phone?: string | null
  title?: string | null
  organizationId?: string
  assignedUserId?: string
}
export interface ContactValues {
  columns: ContactColumns
  customFields?: Record<string, unknown>
}

const TEXT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'title'] as const
const ZRow = ZContactInput.pick({
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  title: true,
}).partial()

export const contactImport: ImportTarget<ContactValues> = {
  uniqueRefusal: 'A contact with this email already exists',
  requiredOneOf: ['firstName', 'fullName'],

  async fields(tx, tenantId) {
    return [...FIELDS, ...customImportFields(await loadCustomFieldRules(tx, tenantId, 'contact'))]
  },

  async prepare(tx, actor, rows) {
    const [rules, orgs, owners] = await Promise.all([
      loadCustomFieldRules(tx, actor.tenantId, 'contact'),
      organizationsByName(tx, actor.tenantId, cellsOf(rows, 'organization')),
      membersByNameOrEmail(tx, actor.tenantId, cellsOf(rows, 'owner')),
    ])
    return rows.map((row): PreparedRow<ContactValues> => {
      const errors: FieldError[] = []
      const names = row.fullName && !row.firstName ? splitName(row.fullName) : {}
      const text: Record<string, string> = { ...names, ...pick(row, TEXT_FIELDS) }
      const parsed = ZRow.safeParse(text)
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0])
          errors.push({ field: field in names ? 'fullName' : field, message: issue.message })
        }
      const columns: ContactColumns = parsed.success ? { ...parsed.data } : {}
      if (row.organization) {
        const org = organizationOf(orgs, row.organization)
        if (typeof org === 'string') columns.organizationId = org
        else errors.push(org)
      }
      const owner = ownerOf(actor, owners, row.owner)
      if (typeof owner === 'string') {
        if (row.owner) columns.assignedUserId = owner
      } else errors.push(owner)
      const custom = customValues(rules, row)
      const checked = checkCustomFields(rules, { entity: 'contact', values: custom, existing: {} })
      errors.push(...checked.errors)
      if (errors.length > 0) return { ok: false, errors }
      const createErrors: FieldError[] = []
      if (!columns.firstName) createErrors.push({ field: 'firstName', message: 'Enter a first name' })
      const missing = checkCustomFields(rules, { entity: 'contact', values: custom }).errors
      createErrors.push(...missing)
      return {
        ok: true,
        values: { columns, ...(custom ? { customFields: checked.result } : {}) },
        key: columns.email ? columns.email.toLowerCase() : null,
        createErrors,
      }
    })
  },

  async findExisting(tx, tenantId, keys) {
    const found = new Map<string, ExistingRecord>()
    const ids = await contactIdsByEmail(tx, keys)
    if (ids.length === 0) return found
    const c = schema.contacts
    const rows = await tx
      .select({
        id: c.id,
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.email,
        phone: c.phone,
        title: c.title,
        organizationId: c.organizationId,
        assignedUserId: c.assignedUserId,
        customFields: c.customFields,
      })
      .from(c)
      .where(and(eq(c.tenantId, tenantId), anyOf(c.id, ids, 'uuid'), isNull(c.deletedAt)))
    for (const { id, ...current } of rows) found.set(String(current.email).toLowerCase(), { id, current })
    return found
  },

  async insert(tx, actor, rows, importId) {
    if (rows.length === 0) return new Set()
    const c = schema.contacts
    const inserted = await tx
      .insert(c)
      .values(
        rows.map(({ id, values }) => ({
          id,
          tenantId: actor.tenantId,
          ...values.columns,
          firstName: values.columns.firstName ?? '',
          assignedUserId: values.columns.assignedUserId ?? actor.userId,
          customFields: values.customFields ?? {},
        })),
      )
      // The one unique key besides the id is the live e-mail: a contact the member cannot see holds it.
      .onConflictDoNothing()
      .returning({ id: c.id })
    const done = new Set(inserted.map((r) => r.id))
    await auditBatch(
      tx,
      actor,
      importId,
      'contact.created',
      rows
        .filter((r) => done.has(r.id))
        .map((r) => ({
          id: r.id,
          after: {
            email: r.values.columns.email ?? null,
            assignedUserId: r.values.columns.assignedUserId ?? actor.userId,
            organizationId: r.values.columns.organizationId ?? null,
          },
        })),
    )
    return new Set(rows.filter((r) => !done.has(r.id)).map((r) => r.id))
  },

  update: (tx, actor, rows, importId) => updateEach(tx, { actor, entity: 'contact', importId }, rows),

  async remove(tx, actor, ids, importId) {
    if (ids.length === 0) return
    const c = schema.contacts
    const removed = await tx
      .update(c)
      .set({ deletedAt: new Date() })
      .where(and(eq(c.tenantId, actor.tenantId), anyOf(c.id, ids, 'uuid'), isNull(c.deletedAt)))
      .returning({ id: c.id, email: c.email, fullName: c.fullName })
    await auditBatch(
      tx,
      actor,
      importId,
      'contact.deleted',
      removed.map(({ id, email, fullName }) => ({
        id,
        before: { fullName, email },
      })),
    )
  },

  restore: (tx, actor, rows, importId) => restoreEach(tx, { actor, entity: 'contact', importId }, rows),
}

const cellsOf = (rows: MappedRow[], field: string) => rows.flatMap((r) => (r[field] ? [r[field]] : []))

function pick(row: MappedRow, keys: readonly string[]) {
  return Object.fromEntries(keys.flatMap((k) => (row[k] !== undefined ? [[k, row[k]]] : [])))
}
