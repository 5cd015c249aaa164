import { bulkResult } from '../../lib/bulk.ts'
import { jsonBody, jsonContent, memberRefusals, problemResponse } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import { BULK_LIMIT, ZBulkDeals } from '../../services/deals/bulk-deals.inputs.ts'

export const ZBulkResult = bulkResult(['reassign', 'move', 'delete']).openapi('BulkDealsResult')

export const bulkDeals = creatingRoute({
  method: 'post',
  path: '/deals/bulk',
  tags: ['Deals'],
  summary: 'Reassign, move or delete many deals at once, all or nothing',
  description:
    `The deals are \`ids\`, or every deal the list's \`filter\` matches (at most ${BULK_LIMIT}). One ` +
    'transaction; each deal changes through the same rules as one at a time (a rep reaches only their own ' +
    'deals, only managers and admins reassign, a move stays in the deal’s process and needs the stage’s ' +
    'required fields) with an audit row per deal. Any refusal changes nothing and names the deal ' +
    '(`ids.N`). `dryRun` answers what would change without changing it.',
  request: { body: jsonBody(ZBulkDeals) },
  responses: {
    200: { description: 'Done (or, with dryRun, what would be done)', ...jsonContent(ZBulkResult) },
    400: problemResponse('Invalid fields'),
    ...memberRefusals,
  },
})
