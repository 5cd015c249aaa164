import { createRoute } from '@hono/zod-openapi'
import { jsonContent, memberRefusals, problemResponse } from '../../lib/openapi.ts'
import { ZSearchQuery } from '../../services/search/search.inputs.ts'
import { ZSearchResults } from '../../services/search/search.outputs.ts'

export const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Search'],
  summary: 'One search across contacts, organizations, deals and products: a few hits per kind, grouped',
  description:
    'Each kind is searched as its own list searches `q` (typo-tolerant names), with the same visibility: ' +
    'a rep finds only their own deals and contacts and only active products. `more` says the kind has more ' +
    'hits than shown; its list endpoint with the same `q` pages through them.',
  request: { query: ZSearchQuery },
  responses: {
    200: { description: 'Hits grouped by kind, always in the same order', ...jsonContent(ZSearchResults) },
    400: problemResponse('q is missing, blank or longer than 200 characters'),
    ...memberRefusals,
  },
})
