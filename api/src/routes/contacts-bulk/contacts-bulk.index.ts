import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { bulkContacts } from '../../services/contacts/bulk-contacts.ts'
import * as routes from './contacts-bulk.routes.ts'

export const contactsBulkRoutes = (deps: Deps) =>
  createRouter().openapi(routes.bulkContacts, async (c) => {
    const actor = requireMember(c)
    const input = c.req.valid('json')
    return c.json(await memberTx(deps, actor, (tx) => bulkContacts(tx, { actor, input })), 200)
  })
