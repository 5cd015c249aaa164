/** What /export can write as CSV, one file per record type (the API's EXPORT_ENTITIES). */
export const EXPORT_ENTITIES = [
  'organizations',
  'contacts',
  'deals',
  'line-items',
  'activities',
  'products',
] as const
