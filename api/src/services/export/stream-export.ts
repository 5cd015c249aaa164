import type { Db, TenantContext } from '@aura/db'
import { csvRow } from '../../lib/csv.ts'
import { EXPORT_ENTITIES, type ExportEntity, exportTable } from './export-entities.ts'
import { readExportBatches } from './read-export-batches.ts'

const encoder = new TextEncoder()

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

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
        yield `,${JSON.stringify(entity)}:[`
        let first = true
        for await (const batch of readExportBatches(db, ctx, entity)) {
          yield (first ? '' : ',') + batch.map((row) => JSON.stringify(row)).join(',')
          first = false
        }
        yield ']'
      }
      yield '}\n'
    })(),
  )
}
