import { schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { isUniqueViolation } from '../../lib/db-errors.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { CustomFieldEntity } from './validate-custom-fields.ts'

export interface NewCustomField {
  entity: CustomFieldEntity
  key: string
  label: string
  type: 'text' | 'number' | 'date' | 'select'
  options?: string[]
  required?: boolean
  position?: number
}

/** Adds a definition; a key used before on the same entity (even a deleted one) is a 409 naming `key`. */
export async function createCustomField(tx: Tx, { actor, input }: { actor: Actor; input: NewCustomField }) {
  const options = input.type === 'select' ? (input.options ?? []) : []
  if (input.type === 'select' && options.length === 0)
    throw fieldError('validation_failed', 'options', 'A select field needs at least one option')
  if (input.type !== 'select' && (input.options?.length ?? 0) > 0)
    throw fieldError('validation_failed', 'options', 'Only select fields have options')
  if (new Set(options).size !== options.length)
    throw fieldError('validation_failed', 'options', 'Options must be unique')
  try {
    // A savepoint, so a unique violation leaves the request transaction usable.
    const [row] = await tx.transaction((sp) =>
      sp
        .insert(schema.customFieldDefinitions)
        .values({
          tenantId: actor.tenantId,
          entity: input.entity,
          key: input.key,
          label: input.label,
          type: input.type,
          options,
          required: input.required ?? false,
          position: input.position ?? 0,
        })
        .returning(),
    )
    if (!row) throw new Error('insert returned no row')
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      action: 'custom_field.created',
      actorUserId: actor.userId,
      entityType: 'custom_field',
      entityId: row.id,
      after: {
        entity: row.entity,
        key: row.key,
        type: row.type,
        options: row.options,
        required: row.required,
      },
      requestId: actor.requestId,
    })
    return row
  } catch (err) {
    if (isUniqueViolation(err, 'custom_field_definitions_tenant_entity_key_key'))
      throw fieldError(
        'conflict',
        'key',
        `A ${input.entity} field with the key "${input.key}" already exists`,
      )
    throw err
  }
}

const fieldError = (code: 'validation_failed' | 'conflict', field: string, message: string) =>
  new AppError(code, message, { errors: [{ field, message }] })
