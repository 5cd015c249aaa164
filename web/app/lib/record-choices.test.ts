// A record linked to an organization or contact far down a big tenant's list (past the first 100 a select
// offers) still shows it, and its forms still offer it: a select without its value shows, and saves, its
// first choice instead — clearing the link on the next "Save details". Every member of a team past 100
// people is named and offered as an owner. Loaders run for real against the API on a real database.

import { createContact, createDeal, createOrganization, createUser } from '@aura/db/seed/index'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { routeHarness } from '../../test/route-harness.ts'
import { loader as contactLoader } from '../routes/_app.contacts.$id.tsx'
import { loader as dealLoader } from '../routes/_app.deals.$id.tsx'

const h = routeHarness('record-choices')

const args = (path: string, id: string) =>
  ({
    request: new Request(`http://${h.ws.slug}.aura.test${path}`, { headers: { cookie: h.ws.admin.cookie } }),
    context: h.context(),
    params: { id },
  }) as unknown as LoaderFunctionArgs

const firstPage = async (path: string) => {
  const res = await h.ws.as(h.ws.admin, `${path}?limit=100`)
  return ((await res.json()) as { data: { id: string }[] }).data.map((r) => r.id)
}

describe('choices and names on a big tenant', () => {
  it('include the record’s own organization and contact when they are past the first 100', async () => {
    const tenantId = h.ws.tenant.id
    const org = await createOrganization(h.api.db, { tenantId, name: 'Zulu Holdings' })
    const contact = await createContact(h.api.db, {
      tenantId,
      firstName: 'Zoe',
      lastName: 'Zulu',
      organizationId: org.id,
    })
    for (let i = 0; i < 101; i++) {
      await createOrganization(h.api.db, { tenantId, name: `Acme ${String(i).padStart(3, '0')}` })
      await createContact(h.api.db, {
        tenantId,
        firstName: 'Ada',
        lastName: `Able ${String(i).padStart(3, '0')}`,
      })
    }
    const deal = await createDeal(h.api.db, { tenantId, organizationId: org.id, contactId: contact.id })
    // The precondition that makes this test mean something: neither is on the lists' first page.
    expect(await firstPage('/organizations')).not.toContain(org.id)
    expect(await firstPage('/contacts')).not.toContain(contact.id)

    const dealPage = await dealLoader(args(`/deals/${deal.id}`, deal.id))
    expect(dealPage.organizations).toContainEqual({ id: org.id, name: 'Zulu Holdings' })
    expect(dealPage.contacts).toContainEqual({ id: contact.id, name: 'Zoe Zulu' })
    const contactPage = await contactLoader(args(`/contacts/${contact.id}`, contact.id))
    expect(contactPage.organizations).toContainEqual({ id: org.id, name: 'Zulu Holdings' })
  })

  it('name and offer every member, not only the first page of 100 (teams of up to 300)', async () => {
    // Members are listed newest first: the workspace's first three fall past page 1 after 101 more.
    for (let i = 0; i < 101; i++)
      await createUser(h.api.db, {
        tenantId: h.ws.tenant.id,
        role: 'rep',
        name: `Rep ${String(i).padStart(3, '0')}`,
      })
    expect(await firstPage('/users')).not.toContain(h.ws.rep.id)
    const deal = await createDeal(h.api.db, { tenantId: h.ws.tenant.id, assignedUserId: h.ws.rep.id })
    const dealPage = await dealLoader(args(`/deals/${deal.id}`, deal.id))
    expect(Object.keys(dealPage.names)).toHaveLength(104)
    expect(dealPage.names[h.ws.rep.id]).toBeDefined()
    expect(dealPage.owners?.map((o) => o.id)).toContain(h.ws.rep.id)
  })
})
