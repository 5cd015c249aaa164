// The database recomputes every restored deal's total from its restored line items (ADR 0013); an
// archive whose totals disagree with its own lines is refused rather than restored with other numbers.
import type { Tx } from '@aura/db'
import { type SQL, sql } from 'drizzle-orm'
import { AppError, type FieldError } from '../../lib/problem.ts'
import type { IdMap } from './id-map.ts'
import { batches } from './insert-rows.ts'
import type { ArchiveRow } from './parse-archive.ts'

const MAX_ERRORS = 20

export async function checkDealTotals(
  tx: Tx,
  { tenantId, deals, ids }: { tenantId: string; deals: ArchiveRow[]; ids: IdMap },
) {
  const errors: FieldError[] = []
  const indexOf = new Map(deals.map((d, i) => [ids.of('deals', d.id as string), i]))
  for (const batch of batches(deals, 1000)) {
    const archived: SQL[] = batch.map(
      (d) =>
        sql`(${ids.of('deals', d.id as string)}::uuid, ${d.amount ?? null}::numeric, ${d.lineItemsTotal ?? null}::numeric)`,
    )
    const result = (await tx.execute(sql`
      select d.id, d.amount::text as amount, d.line_items_total::text as total,
        archived.amount::text as "archivedAmount", archived.total::text as "archivedTotal"
      from (values ${sql.join(archived, sql`, `)}) as archived(id, amount, total)
      join deals d on d.tenant_id = ${tenantId} and d.id = archived.id
      where d.amount <> archived.amount or d.line_items_total <> archived.total`)) as unknown as {
      rows: { id: string; amount: string; total: string; archivedAmount: string; archivedTotal: string }[]
    }
    for (const r of result.rows) {
      if (errors.length >= MAX_ERRORS) break
      errors.push({
        field: `tables.deals[${indexOf.get(r.id)}]`,
        message: `Archived amount ${r.archivedAmount} and total ${r.archivedTotal}; its line items make ${r.amount} and ${r.total}`,
      })
    }
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'Deal totals in the archive do not match its line items', {
      errors,
    })
  }
}
