// A deal's lines in their order (position, id), keyset-paged, with the deal's totals as the database has them.

import { type Role, schema, type Tx } from '@aura/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { notFound } from '../../lib/problem.ts'
import { dealTotals, selectLines, toLine } from './line-item-view.ts'

export interface ListLineItemsInput {
  limit: number
  cursor?: string | undefined
  includeRemoved?: 'true' | 'false' | undefined
}

export async function listLineItems(
  tx: Tx,
  { actor, dealId, input }: { actor: Actor; dealId: string; input: ListLineItemsInput },
) {
  const { deals } = schema
  const [deal] = await tx
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), isNull(deals.deletedAt)))
  if (!deal) throw notFound('Deal')
  return {
    ...(await pageOfLines(tx, { role: actor.role, dealId, input })),
    deal: await dealTotals(tx, dealId),
  }
}

/** A page of a deal the caller already found (RLS applies to the lines as to the deal). */
export async function pageOfLines(
  tx: Tx,
  { role, dealId, input }: { role: Role; dealId: string; input: ListLineItemsInput },
) {
  const li = schema.dealLineItems
  const after = decodeCursor(input.cursor, isPosition)
  const rows = await selectLines(
    tx,
    and(
      eq(li.dealId, dealId),
      input.includeRemoved === 'true' ? undefined : isNull(li.deletedAt),
      after ? sql`(${li.position}, ${li.id}) > (${Number(after[0])}, ${after[1]}::uuid)` : undefined,
    ),
  ).limit(input.limit + 1)
  const page = toPage(rows, input.limit, (r) => [r.position, r.id])
  return { data: page.data.map((r) => toLine(r, role)), nextCursor: page.nextCursor }
}

/** A line's position as the cursor carries it: an integer column, so 1e308 is damage, not a position. */
const isPosition = (v: unknown) =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 2_147_483_647
