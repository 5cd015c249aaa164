// Custom field values on a product (F12.6) are checked against the tenant's definitions on write, by the
// shared validator: unknown keys, wrong types and missing required fields are a 400 naming customFields.<key>.
import type { Tx } from '@aura/db'
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts'

/** On create `existing` is omitted; on update `values` is a patch merged over what is stored. */
export function checkProductCustomFields(
  tx: Tx,
  {
    tenantId,
    values,
    existing,
  }: { tenantId: string; values: Record<string, unknown> | undefined; existing?: Record<string, unknown> },
): Promise<Record<string, unknown>> {
  return validateCustomFields(tx, { tenantId, entity: 'product', values, existing })
}
