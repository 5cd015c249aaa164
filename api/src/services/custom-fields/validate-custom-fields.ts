// The one validator for custom field values (F6.6, F7.6, F12.6, NFR-D2), shared by organizations, contacts,
// deals and products. Values live in each record's custom_fields jsonb; the tenant's live definitions decide
// which keys exist and what type each holds. Errors name `customFields.<key>` so forms can point at them.
import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { ZDate } from '../../lib/dates.ts'
import { AppError, type FieldError } from '../../lib/problem.ts'

export type CustomFieldEntity = (typeof schema.customFieldEntity.enumValues)[number]
export type CustomFieldValues = Record<string, unknown>

const TEXT_MAX = 2000

/** A live custom field definition: what checkCustomFields needs. */
export interface CustomFieldRule {
  key: string
  label: string
  type: string
  options: string[]
  required: boolean
}

/** The live definitions of `entity` (one query; an import loads them once for all its rows). */
export function loadCustomFieldRules(
  tx: Tx,
  tenantId: string,
  entity: CustomFieldEntity,
): Promise<CustomFieldRule[]> {
  const t = schema.customFieldDefinitions
  return tx
    .select({ key: t.key, label: t.label, type: t.type, options: t.options, required: t.required })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.entity, entity), isNull(t.archivedAt)))
}

/**
 * Checks `values` against the live definitions of `entity` and returns what to store.
 * - create (no `existing`): every required field must be present;
 * - update (`existing` given): `values` is a patch merged over `existing`; a `null` removes a key (refused
 *   for required fields); keys already stored whose definition was deleted are kept untouched.
 * Unknown keys and wrong types → 400 validation_failed naming `customFields.<key>`.
 */
export async function validateCustomFields(
  tx: Tx,
  {
    tenantId,
    entity,
    values,
    existing,
  }: {
    tenantId: string
    entity: CustomFieldEntity
    values: CustomFieldValues | undefined
    existing?: CustomFieldValues
  },
): Promise<CustomFieldValues> {
  const rules = await loadCustomFieldRules(tx, tenantId, entity)
  const { result, errors } = checkCustomFields(rules, { entity, values, existing })
  if (errors.length > 0) throw new AppError('validation_failed', 'Some custom fields are invalid', { errors })
  return result
}

/** validateCustomFields without the query and the throw: the errors are returned, named `customFields.<key>`. */
export function checkCustomFields(
  rules: CustomFieldRule[],
  {
    entity,
    values,
    existing,
  }: {
    entity: CustomFieldEntity
    values: CustomFieldValues | undefined
    existing?: CustomFieldValues | undefined
  },
): { result: CustomFieldValues; errors: FieldError[] } {
  const byKey = new Map(rules.map((d) => [d.key, d]))
  const result: CustomFieldValues = { ...(existing ?? {}) }
  const errors: FieldError[] = []
  const fail = (key: string, message: string) => errors.push({ field: `customFields.${key}`, message })

  for (const [key, value] of Object.entries(values ?? {})) {
    const def = byKey.get(key)
    if (!def) {
      fail(key, `There is no custom field "${key}" for ${entity} records`)
      continue
    }
    if (value === null || value === undefined) {
      if (def.required) fail(key, `${def.label} is required`)
      delete result[key]
      continue
    }
    const problem = typeProblem(def.type, def.options, value)
    if (problem) fail(key, `${def.label} ${problem}`)
    else result[key] = typeof value === 'string' ? value.trim() : value
  }
  if (existing === undefined) {
    for (const def of rules) {
      if (def.required && (result[def.key] === undefined || result[def.key] === null))
        fail(def.key, `${def.label} is required`)
    }
  }
  return { result, errors }
}

function typeProblem(type: string, options: string[], value: unknown): string | null {
  switch (type) {
    case 'text':
      if (typeof value !== 'string') return 'must be text'
      return value.length > TEXT_MAX ? `must be at most ${TEXT_MAX} characters` : null
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number'
    case 'date':
      return ZDate.safeParse(value).success ? null : 'must be a date (YYYY-MM-DD, 1900–9999)'
    case 'select':
      return typeof value === 'string' && options.includes(value)
        ? null
        : `must be one of: ${options.join(', ')}`
    default:
      return 'has an unsupported type'
  }
}
