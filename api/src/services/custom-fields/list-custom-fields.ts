import { schema, type Tx } from '@aura/db'
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { CustomFieldEntity } from './validate-custom-fields.ts'

/** The live definitions (few per tenant), optionally of one entity, in form order. */
export function listCustomFields(tx: Tx, tenantId: string, entity?: CustomFieldEntity) {
  const t = schema.customFieldDefinitions
  return tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, tenantId), isNull(t.archivedAt), entity ? eq(t.entity, entity) : undefined))
    .orderBy(asc(t.entity), asc(t.position), asc(t.key))
}
