import { schema } from '@aura/db'
import { z } from '@hono/zod-openapi'
import { line } from '../../lib/text.ts'

export const ZImportEntity = z.enum(schema.IMPORT_ENTITIES)
export const ZDedupeMode = z.enum(schema.DEDUPE_MODES)

export const ZMapImport = z.object({
  /** For each column of the file, in order, the field it fills (see `fields`) or null to ignore it. */
  mapping: z.array(line(80).nullable()).max(500).optional(),
  /** A row matching a live record: skip it, update the record, or create another. */
  dedupeMode: ZDedupeMode.optional(),
})
