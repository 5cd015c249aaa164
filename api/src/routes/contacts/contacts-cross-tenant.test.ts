import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'
import { jsonBody } from '../../../test/harness.ts'

const patch = (body: unknown): RequestInit => ({ ...jsonBody(body), method: 'PATCH' })

describe("another workspace's contact is a 404 everywhere", () => {
  it('get, patch, delete, activities and timeline all answer 404 for every role; the contact is unchanged', async ({
    ws: acme,
    other: globex,
  }) => {
    const contact = await (
      await acme.as(acme.rep, '/contacts', jsonBody({ firstName: 'Secret', email: 'secret@acme.test' }))
    ).json()
    const activity = await (
      await acme.as(
        acme.rep,
        `/contacts/${contact.id}/activities`,
        jsonBody({ type: 'note', description: 'x' }),
      )
    ).json()
    for (const who of [globex.admin, globex.manager, globex.rep]) {
      const paths: [string, RequestInit?][] = [
        [`/contacts/${contact.id}`],
        [`/contacts/${contact.id}`, patch({ firstName: 'Hacked' })],
        [`/contacts/${contact.id}`, { method: 'DELETE' }],
        [`/contacts/${contact.id}/activities`],
        [`/contacts/${contact.id}/activities`, jsonBody({ type: 'note', description: 'injected' })],
        [`/contacts/${contact.id}/timeline`],
        [`/activities/${activity.id}`, { method: 'DELETE' }],
      ]
      for (const [path, init] of paths) expect((await globex.as(who, path, init)).status, path).toBe(404)
      const lists = [`/contacts?q=Secret`, `/activities?contactId=${contact.id}`]
      for (const path of lists) expect((await (await globex.as(who, path)).json()).data).toEqual([])
      // Pointing a new contact at acme's organization fails too.
      const org = await (await acme.as(acme.rep, '/organizations', jsonBody({ name: 'Acme Org' }))).json()
      const res = await globex.as(who, '/contacts', jsonBody({ firstName: 'X', organizationId: org.id }))
      expect(res.status).toBe(422)
    }
    // Globex may even reuse the email: uniqueness is per workspace.
    expect(
      (await globex.as(globex.rep, '/contacts', jsonBody({ firstName: 'S', email: 'secret@acme.test' })))
        .status,
    ).toBe(201)
    const still = await (await acme.as(acme.rep, `/contacts/${contact.id}`)).json()
    expect(still.firstName).toBe('Secret')
    const acts = await (await acme.as(acme.rep, `/contacts/${contact.id}/activities`)).json()
    expect(acts.data.map((a: { id: string }) => a.id)).toEqual([activity.id])
  })
})
