// An uploaded file becomes an import: decoded, split into rows, stored, its columns mapped by guess.
import { schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { CsvUnreadable, decodeCsv, detectDelimiter, parseCsv } from '../../lib/csv-read.ts'
import { AppError } from '../../lib/problem.ts'
import { suggestMapping } from './import-mapping.ts'
import { type ImportEntity, importTargets } from './import-targets.ts'

/** A file at most this big, with at most this many data rows (the benchmark's 100k fits). */
export const IMPORT_LIMITS = { bytes: 20 * 1024 * 1024, rows: 100_000 } as const
const INSERT_CHUNK = 1000

const refuse = (message: string) =>
  new AppError('validation_failed', message, { errors: [{ field: 'file', message }] })

export async function createImport(
  tx: Tx,
  {
    actor,
    entity,
    fileName,
    bytes,
  }: { actor: Actor; entity: ImportEntity; fileName: string; bytes: Uint8Array },
) {
  if (bytes.byteLength > IMPORT_LIMITS.bytes)
    throw refuse('The file is larger than 20 MB: split it into smaller files')
  let records: string[][]
  let encoding: string
  let delimiter: ',' | ';'
  try {
    const decoded = decodeCsv(bytes)
    encoding = decoded.encoding
    delimiter = detectDelimiter(decoded.text)
    records = parseCsv(decoded.text, delimiter, IMPORT_LIMITS.rows + 1)
  } catch (err) {
    if (err instanceof CsvUnreadable) throw refuse(err.message)
    throw err
  }
  const [header, ...rows] = records
  if (!header || rows.length === 0) throw refuse('The file has no rows under its header')
  const columns = header.map((h, i) => h.trim() || `Column ${i + 1}`)
  const target = importTargets[entity]
  const mapping = suggestMapping(columns, await target.fields(tx, actor.tenantId))
  const [created] = await tx
    .insert(schema.imports)
    .values({
      tenantId: actor.tenantId,
      userId: actor.userId,
      entity,
      fileName: fileName.slice(0, 200) || 'import.csv',
      encoding,
      delimiter,
      columns,
      mapping,
      totalRows: rows.length,
    })
    .returning({ id: schema.imports.id })
  if (!created) throw new Error('insert returned no row')
  for (let at = 0; at < rows.length; at += INSERT_CHUNK)
    await tx.insert(schema.importRows).values(
      rows.slice(at, at + INSERT_CHUNK).map((cells, i) => ({
        tenantId: actor.tenantId,
        importId: created.id,
        rowNo: at + i + 1,
        userId: actor.userId,
        cells,
      })),
    )
  return created.id
}
