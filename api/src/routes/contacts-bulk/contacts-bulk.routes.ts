import { BULK_LIMIT, bulkResult } from '../../lib/bulk.ts'
import { jsonBody, jsonContent, memberRefusals, problemResponse } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import { ZBulkContacts } from '../../services/contacts/bulk-contacts.inputs.ts'

export const ZBulkContactsResult = bulkResult(['reassign', 'delete']).openapi('BulkContactsResult')

export const bulkContacts = creatingRoute({
  method: 'post',
  path: '/contacts/bulk',
  tags: ['Contacts'],
  summary: 'Reassign or delete many contacts at once, all or nothing',
  description:
    `The contacts are \`ids\`, or every contact the list's \`filter\` matches (at most ${BULK_LIMIT}). ` +
    'One transaction; each contact changes through the same rules as one at a time (a rep reaches only ' +
    'their own contacts, only managers and admins reassign, a delete is soft) with an audit row per ' +
    'contact. Any refusal changes nothing and names the contact (`ids.N`). `dryRun` answers what would ' +
    'change without changing it.',
  request: { body: jsonBody(ZBulkContacts) },
  responses: {
    200: { description: 'Done (or, with dryRun, what would be done)', ...jsonContent(ZBulkContactsResult) },
    400: problemResponse('Invalid fields'),
    ...memberRefusals,
  },
})
