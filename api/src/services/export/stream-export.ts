import type { Db, TenantContext } from '@aura/db'
import { csvRow } from '../../lib/csv.ts'
import { jsonArray, streamOf } from '../../lib/text-stream.ts'
import { EXPORT_ENTITIES, type ExportEntity, exportTable } from './export-entities.ts'
import { readExportBatches } from './read-export-batches.ts'

/** One entity as CSV: a header of camelCase column names, then one line per row. */
export function streamCsv(db: Db, ctx: TenantContext, entity: ExportEntity) {
  return streamOf(
    (async function* () {
      const names = Object.keys(exportTable(entity).columns)
      yield csvRow(names)
      for await (const batch of readExportBatches(db, ctx, entity)) {
        yield batch.map((row) => csvRow(names.map((n) => row[n]))).join('')
      }
    })(),
  )
}

/** The whole tenant as one JSON object, `{ exportedAt, organizations: [...], contacts: [...], ... }`. */
export function streamJson(db: Db, ctx: TenantContext, exportedAt: Date) {
  return streamOf(
    (async function* () {
      yield `{"exportedAt":${JSON.stringify(exportedAt.toISOString())}`
      for (const entity of EXPORT_ENTITIES) {
        yield `,${JSON.stringify(entity)}:`
        yield* jsonArray(readExportBatches(db, ctx, entity))
      }
      yield '}\n'
    })(),
  )
}
