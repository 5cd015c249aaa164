import type { Deps } from '../../context.ts'
import { can } from '../../lib/permissions.ts'
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
      const member = requireMember(c)
      const page = await memberTx(deps, member, (tx) =>
        listContacts(tx, member.tenantId, c.req.valid('query')),
      )
      return c.json(page, 200)
    })
    .openapi(routes.createContact, async (c) => {
      const member = requireMember(c)
      const actor = {
        ...member,
        requestId: c.get('requestId'),
        canReassign: can(member.role, 'records.reassign'),
      }
      const contact = await memberTx(deps, member, (tx) => createContact(tx, actor, c.req.valid('json')))
      return c.json(contact, 201)
    })
    .openapi(routes.getContact, async (c) => {
      const member = requireMember(c)
      const { id } = c.req.valid('param')
      const found = await memberTx(deps, member, (tx) => findContact(tx, member.tenantId, id))
      if (!found) throw notFound('Contact')
      return c.json(found.view, 200)
    })
    .openapi(routes.updateContact, async (c) => {
      const member = requireMember(c)
      const actor = {
        ...member,
        requestId: c.get('requestId'),
        canReassign: can(member.role, 'records.reassign'),
      }
      const { id } = c.req.valid('param')
      const contact = await memberTx(deps, member, (tx) => updateContact(tx, actor, id, c.req.valid('json')))
      return c.json(contact, 200)
    })
    .openapi(routes.deleteContact, async (c) => {
      const member = requireMember(c)
      const actor = { ...member, requestId: c.get('requestId') }
      await memberTx(deps, member, (tx) => deleteContact(tx, actor, c.req.valid('param').id))
      return c.body(null, 204)
    })
