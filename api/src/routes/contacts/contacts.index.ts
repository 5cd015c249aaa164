import type { Deps } from '../../context.ts'
import { notFound } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { findContact } from '../../services/contacts/contact-view.ts'
import { createContact } from '../../services/contacts/create-contact.ts'
import { deleteContact } from '../../services/contacts/delete-contact.ts'
import { listContacts } from '../../services/contacts/list-contacts.ts'
import { updateContact } from '../../services/contacts/update-contact.ts'
import * as routes from './contacts.routes.ts'

// Which contacts a member sees (reps: their own) is RLS's business; a hidden id is simply not found.
export const contactRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listContacts, async (c) => {
      const actor = requireMember(c)
      const page = await memberTx(deps, actor, (tx) => listContacts(tx, actor.tenantId, c.req.valid('query')))
      return c.json(page, 200)
    })
    .openapi(routes.createContact, async (c) => {
      const actor = requireMember(c)
      const contact = await memberTx(deps, actor, (tx) =>
        createContact(tx, { actor, input: c.req.valid('json') }),
      )
      return c.json(contact, 201)
    })
    .openapi(routes.getContact, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const found = await memberTx(deps, actor, (tx) => findContact(tx, actor.tenantId, id))
      if (!found) throw notFound('Contact')
      return c.json(found.view, 200)
    })
    .openapi(routes.updateContact, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const contact = await memberTx(deps, actor, (tx) =>
        updateContact(tx, { actor, id, patch: c.req.valid('json') }),
      )
      return c.json(contact, 200)
    })
    .openapi(routes.deleteContact, async (c) => {
      const actor = requireMember(c)
      await memberTx(deps, actor, (tx) => deleteContact(tx, { actor, id: c.req.valid('param').id }))
      return c.body(null, 204)
    })
