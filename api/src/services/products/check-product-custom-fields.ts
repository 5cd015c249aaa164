// Custom field values on a product (F12.6) are checked against the tenant's definitions on write.
import type { Tx } from '@aura/db'

/**
 * HOOK(custom-fields): the shared validator (api/src/services/custom-fields/validate-custom-fields.ts)
 * has not landed yet. When it does, replace the body with
 * `return validateCustomFields(tx, 'product', values)` so unknown keys and wrong types are a 422 naming
 * `customFields.<key>`. Until then the values are stored as given (zod already ensures an object).
 */
export async function checkProductCustomFields(
  _tx: Tx,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return values
}
