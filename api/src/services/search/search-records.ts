// Global search (issue 13): one box across contacts, organizations, deals and products. Each kind is searched
// by its own list service with `q` (the same trigram/prefix search functions, the same RLS policies and the
// same role rules: a rep finds only their own deals and contacts and only active products), a few hits per
// kind, in one transaction. The four reads do not depend on each other, so they start together and share
// round trips on a pipelining connection (ADR 0101).
import type { Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { listContacts } from '../contacts/list-contacts.ts'
import { listDeals } from '../deals/list-deals.ts'
import { listOrganizations } from '../organizations/list-organizations.ts'
import { listProducts } from '../products/list-products.ts'
import type { TSearchQuery } from './search.inputs.ts'
import type { SearchHit, SearchResults } from './search.outputs.ts'

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ') || null

export async function searchRecords(
  tx: Tx,
  { actor, query }: { actor: Actor; query: TSearchQuery },
): Promise<SearchResults> {
  const { q, limit } = query
  const [contacts, organizations, deals, products] = await Promise.all([
    listContacts(tx, actor.tenantId, { q, limit }),
    listOrganizations(tx, actor.tenantId, { q, limit }),
    listDeals(tx, { q, limit, sort: 'updatedAt', direction: 'desc' }),
    listProducts(tx, actor, { q, limit }),
  ])
  const group = <T>(
    kind: SearchResults['groups'][number]['kind'],
    page: { data: T[]; nextCursor: string | null },
    hit: (row: T) => Omit<SearchHit, 'amount' | 'currency'> & Partial<SearchHit>,
  ) => ({
    kind,
    hits: page.data.map((row) => ({ amount: null, currency: null, ...hit(row) })),
    more: page.nextCursor !== null,
  })
  return {
    q,
    groups: [
      group('contact', contacts, (c) => ({
        id: c.id,
        title: c.fullName,
        detail: joined(c.organization?.name, c.email),
      })),
      group('organization', organizations, (o) => ({ id: o.id, title: o.name, detail: o.industry })),
      group('deal', deals, (d) => ({
        id: d.id,
        title: d.name,
        detail: d.status === 'open' ? null : d.status,
        amount: d.amount,
        currency: d.currency,
      })),
      group('product', products, (p) => ({ id: p.id, title: p.name, detail: p.sku })),
    ],
  }
}
