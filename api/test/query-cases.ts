// The list, filter, search and summary queries the API runs, as calls of the real services, for one
// generated tenant. The plan guards (plans.test.ts) EXPLAIN what they send; the benchmark replays the
// same statements through pgbench as its raw-SQL baseline.
import { type Db, type Role, type Tx, withTenant } from '@aura/db'
import { sql } from 'drizzle-orm'
import { listActivities } from '../src/services/activities/list-activities.ts'
import { listContacts } from '../src/services/contacts/list-contacts.ts'
import { listDeals } from '../src/services/deals/list-deals.ts'
import { summarizePipeline } from '../src/services/deals/summarize-pipeline.ts'
import { listOrganizations } from '../src/services/organizations/list-organizations.ts'

export interface TenantFacts {
  tenantId: string
  slug: string
  manager: { id: string; role: Role }
  /** The process with the most deals, its most populated stage. */
  processId: string
  stageId: string
  ownerId: string
  contactWithActivities: string
  dealId: string
  search: { name: string; email: string; phone: string; org: string }
}

const first = async <T>(db: Db | Tx, query: ReturnType<typeof sql>): Promise<T> => {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  const row = result.rows[0]
  if (!row) throw new Error('query-cases: no row')
  return row
}

/** Looks up what the cases need in a generated tenant (runs as the owner, outside RLS). */
export async function tenantFacts(db: Db, slug: string): Promise<TenantFacts> {
  const t = await first<{ id: string }>(db, sql`select id from tenants where slug = ${slug}`)
  const manager = await first<{ id: string }>(
    db,
    sql`select id from users where tenant_id = ${t.id} and role = 'manager' order by email limit 1`,
  )
  const proc = await first<{ process_id: string; stage_id: string }>(
    db,
    sql`with p as (select process_id from deals where tenant_id = ${t.id} group by 1 order by count(*) desc limit 1)
      select d.process_id, d.stage_id from deals d join p using (process_id) where d.tenant_id = ${t.id}
      group by 1, 2 order by count(*) desc, 2 limit 1`,
  )
  const owner = await first<{ id: string }>(
    db,
    sql`select assigned_user_id as id from deals where tenant_id = ${t.id} and assigned_user_id is not null
      group by 1 order by count(*) desc, 1 limit 1`,
  )
  const contact = await first<{ id: string }>(
    db,
    sql`select contact_id as id from activities where tenant_id = ${t.id} and contact_id is not null
      group by 1 order by count(*) desc, 1 limit 1`,
  )
  const deal = await first<{ id: string }>(
    db,
    sql`select deal_id as id from deal_line_items where tenant_id = ${t.id} and deleted_at is null
      group by 1 order by count(*) desc, 1 limit 1`,
  )
  const person = await first<{ full_name: string; email: string; phone: string }>(
    db,
    sql`select full_name, email, phone from contacts where tenant_id = ${t.id} and phone is not null
      order by id limit 1`,
  )
  const org = await first<{ name: string }>(
    db,
    sql`select name from organizations where tenant_id = ${t.id} order by id limit 1`,
  )
  const last = person.full_name.split(' ').at(-1) ?? person.full_name
  return {
    tenantId: t.id,
    slug,
    manager: { id: manager.id, role: 'manager' },
    processId: proc.process_id,
    stageId: proc.stage_id,
    ownerId: owner.id,
    contactWithActivities: contact.id,
    dealId: deal.id,
    search: {
      // A fragment of a last name, of an email's local part, four digits of a phone, a company word.
      name: last.slice(0, Math.max(3, last.length - 1)),
      email: person.email.slice(0, Math.min(8, person.email.indexOf('@'))),
      phone: person.phone.replace(/\D/g, '').slice(-4),
      org: org.name.split(' ')[0] ?? org.name,
    },
  }
}

export interface QueryCase {
  name: string
  run: (tx: Tx) => Promise<unknown>
}

const LIMIT = 25
const dealList = { limit: LIMIT, sort: 'updatedAt', direction: 'desc' } as const

/** Walks `pages - 1` pages of the board column to get the cursor of page `pages`. */
export async function boardCursor(db: Db, f: TenantFacts, pages: number): Promise<string | undefined> {
  let cursor: string | undefined
  await withTenant(db, ctxOf(f), async (tx) => {
    for (let i = 1; i < pages; i++) {
      const page = await listDeals(tx, { ...dealList, processId: f.processId, stageId: f.stageId, cursor })
      cursor = page.nextCursor ?? undefined
      if (!cursor) break
    }
  })
  return cursor
}

export const ctxOf = (f: TenantFacts) => ({
  tenantId: f.tenantId,
  userId: f.manager.id,
  role: f.manager.role,
})

/** Every list, filter, search and summary query, as a manager (sees the whole tenant). */
export function queryCases(f: TenantFacts, pageNCursor: string | undefined): QueryCase[] {
  const t = f.tenantId
  return [
    { name: 'deals list (default sort)', run: (tx) => listDeals(tx, dealList) },
    {
      name: 'deals board column (process + stage)',
      run: (tx) => listDeals(tx, { ...dealList, processId: f.processId, stageId: f.stageId }),
    },
    {
      name: 'deals board column page N (cursor)',
      run: (tx) =>
        listDeals(tx, { ...dealList, processId: f.processId, stageId: f.stageId, cursor: pageNCursor }),
    },
    { name: 'deals by owner', run: (tx) => listDeals(tx, { ...dealList, assignedUserId: f.ownerId }) },
    {
      name: 'deals by status + close date',
      run: (tx) =>
        listDeals(tx, {
          limit: LIMIT,
          sort: 'closeDate',
          direction: 'asc',
          status: 'open',
          closeDateFrom: '2026-01-01',
          closeDateTo: '2026-06-30',
        }),
    },
    { name: 'contacts list', run: (tx) => listContacts(tx, t, { limit: LIMIT }) },
    { name: 'contacts search: name', run: (tx) => listContacts(tx, t, { q: f.search.name, limit: LIMIT }) },
    { name: 'contacts search: email', run: (tx) => listContacts(tx, t, { q: f.search.email, limit: LIMIT }) },
    { name: 'contacts search: phone', run: (tx) => listContacts(tx, t, { q: f.search.phone, limit: LIMIT }) },
    { name: 'organizations list', run: (tx) => listOrganizations(tx, t, { limit: LIMIT }) },
    {
      name: 'organizations search',
      run: (tx) => listOrganizations(tx, t, { q: f.search.org, limit: LIMIT }),
    },
    {
      name: 'activities by contact',
      run: (tx) => listActivities(tx, t, { contactId: f.contactWithActivities, limit: LIMIT }),
    },
    { name: 'pipeline summary (biggest process)', run: (tx) => summarizePipeline(tx, f.processId) },
  ]
}
