// Bulk operations (issue 13, NFR-U5, ADR 0158), the part every record type shares: which records (listed
// ids, or every record the list's filters match, up to a cap), the review step (dryRun), and the rule that
// a refusal of any one record names its place in the selection (`ids.3`) and, thrown inside the caller's
// transaction, changes nothing. What a change does to one record is the record's own single-record service.
import { z } from '@hono/zod-openapi'
import { AppError } from './problem.ts'

/** The most records one operation changes: a bounded transaction, and a confirmation that still means something. */
export const BULK_LIMIT = 500

/** The selection fields of a bulk body, for a record type's list filter (no paging, order or name search). */
export const bulkSelection = <F extends z.ZodType>(filter: F) => ({
  ids: z.array(z.uuid()).min(1).max(BULK_LIMIT).optional(),
  filter: filter.optional(),
  /** Only resolve the selection and answer what would change (the confirmation step). */
  dryRun: z.boolean().default(false),
})

/** Exactly one of ids and filter. */
export const idsOrFilter: [
  (v: { ids?: unknown; filter?: unknown }) => boolean,
  { message: string; path: string[] },
] = [
  (v) => (v.ids === undefined) !== (v.filter === undefined),
  { message: 'Send either ids or filter', path: ['ids'] },
]

/** A bulk operation's answer: what was (or, with dryRun, would be) done to which records. */
export const bulkResult = <A extends readonly [string, ...string[]]>(actions: A) =>
  z.object({
    action: z.enum(actions),
    dryRun: z.boolean(),
    count: z.number().int(),
    ids: z.array(z.uuid()),
  })

type Page = { data: { id: string }[]; nextCursor: string | null }

interface BulkRun<I> {
  /** The record in words, singular and plural, for the refusals ("Deal", "deals"). */
  noun: [string, string]
  /** One page (of 100) of the visible records the filter matches, after `cursor`. */
  page: (cursor: string | undefined) => Promise<Page>
  /** The single-record change, through the same service as one at a time. */
  apply: (id: string) => Promise<unknown>
  input: I
}

/** Every visible record the filter matches, up to the cap; more than the cap is refused, not cut short. */
async function matching(noun: string, page: BulkRun<unknown>['page']): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const next = await page(cursor)
    ids.push(...next.data.map((r) => r.id))
    cursor = next.nextCursor ?? undefined
    if (ids.length > BULK_LIMIT)
      throw new AppError('unprocessable', `More than ${BULK_LIMIT} ${noun} match: narrow the filter`, {
        errors: [{ field: 'filter', message: `Select at most ${BULK_LIMIT} ${noun} at once` }],
      })
  } while (cursor)
  return ids
}

/** One record's change; a refusal names the record's place in the selection (`ids.3`). */
async function applyOne(noun: string, apply: (id: string) => Promise<unknown>, id: string, index: number) {
  try {
    await apply(id)
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    const why = err.extra.errors?.[0]?.message ?? err.message
    throw new AppError(err.code, err.message, {
      ...err.extra,
      errors: [{ field: `ids.${index}`, message: `${noun} ${id}: ${why}` }],
    })
  }
}

/**
 * Resolves the selection and, unless dryRun, changes each record in turn; run it inside the caller's one
 * transaction, so any refusal, thrown from here, rolls the whole operation back.
 */
export async function runBulk<I extends { action: string; dryRun: boolean; ids?: string[] }>({
  noun: [one, many],
  page,
  apply,
  input,
}: BulkRun<I>) {
  const ids = input.ids ? [...new Set(input.ids)] : await matching(many, page)
  if (!input.dryRun) for (const [i, id] of ids.entries()) await applyOne(one, apply, id, i)
  return { action: input.action as I['action'], dryRun: input.dryRun, count: ids.length, ids }
}
