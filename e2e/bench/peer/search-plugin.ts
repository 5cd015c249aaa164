// PostGraphile exposes Aura's `search_contacts` function (ADR 0080) as `searchContacts`, but its rows are
// bare (id, rank) records. A PostGraphile user would add the link to the contact, as here: Grafast then
// plans one statement (the function joined to contacts under RLS), the same shape as Aura's own query.
import type { PgSelectSingleStep } from 'postgraphile/@dataplan/pg'
import { extendSchema, gql } from 'postgraphile/utils'

export const searchContactsPlugin = extendSchema((build) => {
  const contacts = build.input.pgRegistry.pgResources.contacts
  if (!contacts) throw new Error('peer: no contacts resource in the introspected schema')
  return {
    typeDefs: gql`
      extend type SearchContactsRecord {
        contact: Contact
      }
    `,
    objects: {
      SearchContactsRecord: {
        plans: {
          contact: ($record: PgSelectSingleStep) => contacts.get({ id: $record.get('id') }),
        },
      },
    },
  }
}, 'AuraBenchSearchContactsPlugin')
