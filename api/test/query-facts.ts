// What the query cases need to know about a generated tenant: its people per role, its busiest process and
// stage, records that have children (line items, activities, deals, subsidiaries) and search terms that
// match a little or a lot. Looked up as the owner, outside RLS; the rep's records are chosen so every role
// can see them (the cases then read the same rows as admin, manager and rep).
import { type Db, type Role, type TenantContext, withTenant } from '@aura/db'
import { sql } from 'drizzle-orm'
import { listDeals } from '../src/services/deals/list-deals.ts'

export interface TenantFacts {
  tenantId: string
  slug: string
  admin: { id: string; role: Role }
  manager: { id: string; role: Role }
  /** The rep with the most deals assigned. */
  rep: { id: string; role: Role }
  /** The process with the most deals, its most populated stage. */
  processId: string
  stageId: string
  /** Whose deals "by owner" lists: the rep. */
  ownerId: string
  /** The rep's deal with the most live line items (and so stage history and activities to show). */
  dealId: string
  /** The rep's contact with the most activities; the rep's contact with the most deals. */
  contactWithActivities: string
  contactWithDeals: string
  /** The organization with the most contacts; one with subsidiaries (or the same). */
  organizationId: string
  parentOrganizationId: string
  /** An active product. */
  productId: string
  search: {
    /** A fragment of the most common last name: matches about 1% of contacts. */
    name: string
    /** The most common last name misspelled (its last two letters swapped). */
    typo: string
    email: string
    phone: string
    /** A word of many company names. */
    org: string
    /** Three letters that open several common first names: thousands of contacts. */
    common: string
    /** A word of many deal names. */
    deal: string
  }
}

const first = async <T>(db: Db, query: ReturnType<typeof sql>, what: string): Promise<T> => {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  const row = result.rows[0]
  if (!row) throw new Error(`query-facts: no ${what}`)
  return row
}

/** A typing slip that still matches (as "Jonhson" for Johnson): the last two letters swapped. */
const swapLast = (word: string) =>
  word.length < 4 ? word : `${word.slice(0, -2)}${word.at(-1)}${word.at(-2)}`

/** Looks up what the cases need in a generated tenant (runs as the owner, outside RLS). */
export async function tenantFacts(db: Db, slug: string): Promise<TenantFacts> {
  const t = await first<{ id: string }>(db, sql`select id from tenants where slug = ${slug}`, 'tenant')
  const id = t.id
  const user = (role: Role) =>
    first<{ id: string }>(
      db,
      sql`select u.id from users u left join deals d on d.tenant_id = u.tenant_id and d.assigned_user_id = u.id
        where u.tenant_id = ${id} and u.role = ${role} group by u.id order by count(d.id) desc, u.id limit 1`,
      role,
    )
  const [admin, manager, rep] = [await user('admin'), await user('manager'), await user('rep')]
  const proc = await first<{ process_id: string; stage_id: string }>(
    db,
    sql`with p as (select process_id from deals where tenant_id = ${id} group by 1 order by count(*) desc, 1 limit 1)
      select d.process_id, d.stage_id from deals d join p using (process_id) where d.tenant_id = ${id}
      group by 1, 2 order by count(*) desc, 2 limit 1`,
    'process',
  )
  const deal = await first<{ id: string }>(
    db,
    sql`select d.id from deals d left join deal_line_items li on li.tenant_id = d.tenant_id and li.deal_id = d.id
        and li.deleted_at is null
      where d.tenant_id = ${id} and d.assigned_user_id = ${rep.id} and d.deleted_at is null
      group by d.id order by count(li.id) desc, d.id limit 1`,
    'deal',
  )
  const repContact = (children: 'activities' | 'deals') =>
    first<{ id: string }>(
      db,
      sql`select c.id from contacts c left join ${sql.identifier(children)} x on x.tenant_id = c.tenant_id
          and x.contact_id = c.id
        where c.tenant_id = ${id} and c.assigned_user_id = ${rep.id} and c.deleted_at is null
        group by c.id order by count(x.id) desc, c.id limit 1`,
      `contact with ${children}`,
    )
  const org = await first<{ id: string; parent: string }>(
    db,
    sql`select
        (select o.id from organizations o left join contacts c on c.tenant_id = o.tenant_id and c.organization_id = o.id
          where o.tenant_id = ${id} and o.deleted_at is null group by o.id order by count(c.id) desc, o.id limit 1) as id,
        coalesce((select parent_id from organizations where tenant_id = ${id} and parent_id is not null
          group by 1 order by count(*) desc, 1 limit 1),
          (select id from organizations where tenant_id = ${id} order by id limit 1)) as parent`,
    'organization',
  )
  const product = await first<{ id: string }>(
    db,
    sql`select id from products where tenant_id = ${id} and is_active order by id limit 1`,
    'product',
  )
  const person = await first<{ last: string; email: string; phone: string }>(
    db,
    sql`select c.last_name as last, min(c.email::text) as email, min(c.phone) as phone from contacts c
      where c.tenant_id = ${id} and c.last_name is not null and c.phone is not null and c.email is not null
      group by 1 order by count(*) desc, 1 limit 1`,
    'contact name',
  )
  const firstName = await first<{ name: string }>(
    db,
    sql`select first_name as name from contacts where tenant_id = ${id} group by 1 order by count(*) desc, 1 limit 1`,
    'first name',
  )
  const words = (table: 'organizations' | 'deals') =>
    first<{ word: string }>(
      db,
      sql`select w as word from ${sql.identifier(table)} x, regexp_split_to_table(x.name, ' ') w
        where x.tenant_id = ${id} and w ~ '^[A-Za-z]{4,}$' group by 1 order by count(*) desc, 1 limit 1`,
      `${table} word`,
    )
  return {
    tenantId: id,
    slug,
    admin: { id: admin.id, role: 'admin' },
    manager: { id: manager.id, role: 'manager' },
    rep: { id: rep.id, role: 'rep' },
    processId: proc.process_id,
    stageId: proc.stage_id,
    ownerId: rep.id,
    dealId: deal.id,
    contactWithActivities: (await repContact('activities')).id,
    contactWithDeals: (await repContact('deals')).id,
    organizationId: org.id,
    parentOrganizationId: org.parent,
    productId: product.id,
    search: {
      name: person.last.slice(0, Math.max(3, person.last.length - 1)),
      typo: swapLast(person.last),
      email: person.email.slice(0, Math.min(8, person.email.indexOf('@'))),
      phone: person.phone.replace(/\D/g, '').slice(-4),
      org: (await words('organizations')).word,
      common: firstName.name.slice(0, 3),
      deal: (await words('deals')).word,
    },
  }
}

/** The tenant bound as one of its people (the manager unless said otherwise). */
export const ctxOf = (f: TenantFacts, role: Role = 'manager'): TenantContext => {
  const who = role === 'admin' ? f.admin : role === 'rep' ? f.rep : f.manager
  return { tenantId: f.tenantId, userId: who.id, role: who.role }
}

const LIMIT = 25

/** Walks `pages - 1` pages of a deal list (default: the board column) as the manager; the cursor of `pages`. */
export async function boardCursor(
  db: Db,
  f: TenantFacts,
  pages: number,
  filter: { processId?: string; stageId?: string } = { processId: f.processId, stageId: f.stageId },
): Promise<string | undefined> {
  let cursor: string | undefined
  await withTenant(db, ctxOf(f), async (tx) => {
    for (let i = 1; i < pages; i++) {
      const page = await listDeals(tx, {
        limit: LIMIT,
        sort: 'updatedAt',
        direction: 'desc',
        ...filter,
        cursor,
      })
      cursor = page.nextCursor ?? undefined
      if (!cursor) break
    }
  })
  return cursor
}
