import type { schema } from '@aura/db'
import { contactImport } from './contact-import.ts'
import type { ImportTarget } from './import-target.ts'
import { organizationImport } from './organization-import.ts'

export type ImportEntity = (typeof schema.IMPORT_ENTITIES)[number]

/** The kinds of record a file can hold, each with its checks and writes. */
// biome-ignore lint/suspicious/noExplicitAny: each target has its own value type; the engine passes them through
export const importTargets: Record<ImportEntity, ImportTarget<any>> = {
  contact: contactImport,
  organization: organizationImport,
}
