import { z } from '@hono/zod-openapi'
import { line } from '../../lib/text.ts'

export const ZSearchQuery = z.object({
  q: line(200).min(1, 'Enter something to search for'),
  limit: z.coerce.number().int().min(1).max(10).default(5).openapi({ example: 5 }),
})
export type TSearchQuery = z.infer<typeof ZSearchQuery>
