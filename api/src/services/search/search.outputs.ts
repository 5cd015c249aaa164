import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'

export const SEARCH_KINDS = ['contact', 'organization', 'deal', 'product'] as const

const ZSearchHit = z.object({
  id: z.uuid(),
  title: z.string(),
  /** One line that tells two hits with the same title apart (company and e-mail, industry, SKU, a deal's status). */
  detail: z.string().nullable(),
  /** A deal's value, exact (the page formats it in the workspace's locale); null for other kinds. */
  amount: ZMoney.nullable(),
  currency: z.string().nullable(),
})

export const ZSearchResults = z
  .object({
    q: z.string(),
    groups: z.array(
      z.object({
        kind: z.enum(SEARCH_KINDS),
        hits: z.array(ZSearchHit),
        /** More match than shown: the kind's own list, searched with `q`, has them all. */
        more: z.boolean(),
      }),
    ),
  })
  .openapi('SearchResults')
export type SearchResults = z.infer<typeof ZSearchResults>
export type SearchHit = z.infer<typeof ZSearchHit>
