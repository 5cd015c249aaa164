// The SECURITY DEFINER search functions of migration 0006 (ADR 0080): they run as crm_search (BYPASSRLS) so
// the trigram indexes can serve crm_app's searches, and must therefore repeat the tenant and ownership
// conditions of the policies exactly. Here: isolation per tenant and per rep, no context → no rows, who may
// call them, the definer's privileges, and that a large tenant's search uses the indexes (no seq scan).
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Role, type Tx, withTenant } from '../client.ts'
import type { Connection } from '../connect.ts'
import { createContact, createDeal, createOrganization, createTenant, createUser } from '../seed/index.ts'
import { testDb } from './db.ts'
import { asAppWithoutContext, rows } from './helpers.ts'
import { buildTenantWorld, type TenantWorld } from './world.ts'

let conn: Connection
let a: TenantWorld
let bTenantId: string
let bManagerId: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  conn = await testDb()
  a = await buildTenantWorld(conn.db)
  const db = conn.db
  const t = a.tenantId
  const globex = await createOrganization(db, {
    tenantId: t,
    name: 'Globex Corporation',
    website: 'https://www.Globex.test/about',
  })
  ids.globex = globex.id
  ids.johnson = (
    await createContact(db, {
      tenantId: t,
      firstName: 'Mary',
      lastName: 'Johnson',
      email: 'mary.j@initech.test',
      phone: '+1 (555) 0123',
      organizationId: globex.id,
      assignedUserId: a.rep.id,
    })
  ).id
  ids.johnsen = (
    await createContact(db, {
      tenantId: t,
      firstName: 'Mary',
      lastName: 'Johnsen',
      assignedUserId: a.otherRep.id,
    })
  ).id
  ids.repDeal = (await createDeal(db, { tenantId: t, name: 'Johnson renewal', assignedUserId: a.rep.id })).id
  ids.otherDeal = (
    await createDeal(db, { tenantId: t, name: 'Johnsen renewal', assignedUserId: a.otherRep.id })
  ).id
  // Created by the rep, handed over to a colleague: both may see it (assigned to one, created by the other).
  ids.handedContact = (
    await createContact(db, {
      tenantId: t,
      firstName: 'Hanna',
      lastName: 'Handover',
      createdBy: a.rep.id,
      assignedUserId: a.otherRep.id,
    })
  ).id
  ids.handedDeal = (
    await createDeal(db, {
      tenantId: t,
      name: 'Handover pilot',
      createdBy: a.rep.id,
      assignedUserId: a.otherRep.id,
    })
  ).id
  const b = await createTenant(db)
  bTenantId = b.id
  bManagerId = (await createUser(db, { tenantId: b.id, role: 'manager' })).id
})
afterAll(async () => {
  await conn.close()
})

const ids$ = async (tx: Tx, query: SQL) => (await rows<{ id: string }>(tx, query)).map((r) => r.id).sort()
const contactsFor = (tx: Tx, q: string) => ids$(tx, sql`select id from search_contacts(${q})`)
const orgsFor = (tx: Tx, q: string) => ids$(tx, sql`select id from search_organization_ids(${q})`)
const dealsFor = (tx: Tx, q: string) => ids$(tx, sql`select id from search_deal_ids(${q})`)
const asA = <T>(userId: string | null, role: Role | null, fn: (tx: Tx) => Promise<T>) =>
  withTenant(conn.db, { tenantId: a.tenantId, userId, role }, fn)

describe('search functions stay inside the bound tenant and the caller’s ownership', () => {
  it('find the tenant’s rows for a manager: misspelling, phone digits, email fragment, company', async () => {
    await asA(a.manager.id, 'manager', async (tx) => {
      expect(await contactsFor(tx, 'Jonhson')).toContain(ids.johnson)
      expect(await contactsFor(tx, '5550')).toEqual([ids.johnson])
      expect(await contactsFor(tx, 'initech')).toEqual([ids.johnson])
      expect(await contactsFor(tx, 'Globx')).toEqual([ids.johnson])
      expect(await orgsFor(tx, 'Globex')).toEqual([ids.globex])
      expect(await dealsFor(tx, 'renewal')).toEqual([ids.repDeal, ids.otherDeal].sort())
    })
  })

  it('return nothing of tenant A to tenant B, whatever B searches', async () => {
    await withTenant(conn.db, { tenantId: bTenantId, userId: bManagerId, role: 'manager' }, async (tx) => {
      expect(await contactsFor(tx, 'Johnson')).toEqual([])
      expect(await contactsFor(tx, '5550')).toEqual([])
      expect(await orgsFor(tx, 'Globex')).toEqual([])
      expect(await dealsFor(tx, 'renewal')).toEqual([])
    })
  })

  it('return nothing without a tenant context, and no contacts or deals without a user and role', async () => {
    await asAppWithoutContext(conn.db, async (tx) => {
      expect(await contactsFor(tx, 'Johnson')).toEqual([])
      expect(await orgsFor(tx, 'Globex')).toEqual([])
      expect(await dealsFor(tx, 'renewal')).toEqual([])
    })
    await asA(null, null, async (tx) => {
      expect(await contactsFor(tx, 'Johnson')).toEqual([])
      expect(await dealsFor(tx, 'renewal')).toEqual([])
      // Organizations are visible to every context of the tenant (their policy), so is their search.
      expect(await orgsFor(tx, 'Globex')).toEqual([ids.globex])
    })
  })

  it('give a rep only the contacts and deals assigned to or created by them', async () => {
    await asA(a.rep.id, 'rep', async (tx) => {
      expect(await contactsFor(tx, 'Mary')).toEqual([ids.johnson])
      expect(await dealsFor(tx, 'renewal')).toEqual([ids.repDeal])
    })
    await asA(a.otherRep.id, 'rep', async (tx) => {
      expect(await contactsFor(tx, 'Mary')).toEqual([ids.johnsen])
      expect(await dealsFor(tx, 'renewal')).toEqual([ids.otherDeal])
    })
  })

  it('give a rep what they created and handed over to a colleague, and the colleague too', async () => {
    for (const rep of [a.rep.id, a.otherRep.id])
      await asA(rep, 'rep', async (tx) => {
        expect(await contactsFor(tx, 'Handover')).toEqual([ids.handedContact])
        expect(await dealsFor(tx, 'Handover')).toEqual([ids.handedDeal])
      })
  })

  it('apply the list filters and the keyset cursor before the limit', async () => {
    await asA(a.manager.id, 'manager', async (tx) => {
      const all = await rows<{ id: string; rank: number }>(
        tx,
        sql`select id, rank from search_contacts('Mary')`,
      )
      expect(all.map((r) => r.id)).toHaveLength(2)
      const [top] = await rows<{ id: string; rank: number }>(
        tx,
        sql`select id, rank from search_contacts('Mary', max_rows => 1)`,
      )
      const rest = await rows<{ id: string }>(
        tx,
        sql`select id from search_contacts('Mary', after_rank => ${top?.rank}::real, after_id => ${top?.id}::uuid)`,
      )
      expect([top?.id, ...rest.map((r) => r.id)].sort()).toEqual([ids.johnson, ids.johnsen].sort())
      const owned = await ids$(
        tx,
        sql`select id from search_contacts('Mary', assigned_to => ${a.otherRep.id}::uuid)`,
      )
      expect(owned).toEqual([ids.johnsen])
    })
  })
})

describe('exact-match lookups (ADR 0174) show what the policies show, whatever the case', () => {
  const byEmail = (tx: Tx, emails: string[]) =>
    ids$(tx, sql`select id from contact_ids_by_email(${sql.param(emails)}::citext[])`)
  const byKey = (tx: Tx, names: string[], domains: string[]) =>
    ids$(
      tx,
      sql`select id from organization_ids_by_key(${sql.param(names)}::text[], ${sql.param(domains)}::text[])`,
    )

  it('find a contact by e-mail for a lead and its owner, not for another rep or tenant or without context', async () => {
    const wanted = ['MARY.J@initech.test', 'nobody@initech.test']
    expect(await asA(a.manager.id, 'manager', (tx) => byEmail(tx, wanted))).toEqual([ids.johnson])
    expect(await asA(a.rep.id, 'rep', (tx) => byEmail(tx, wanted))).toEqual([ids.johnson])
    expect(await asA(a.otherRep.id, 'rep', (tx) => byEmail(tx, wanted))).toEqual([])
    await withTenant(conn.db, { tenantId: bTenantId, userId: bManagerId, role: 'manager' }, async (tx) => {
      expect(await byEmail(tx, wanted)).toEqual([])
      expect(await byKey(tx, ['globex corporation'], [])).toEqual([])
    })
    expect(await asAppWithoutContext(conn.db, (tx) => byEmail(tx, wanted))).toEqual([])
  })

  it('find organizations by lower-cased name or website domain, live ones only', async () => {
    await asA(a.rep.id, 'rep', async (tx) => {
      expect(await byKey(tx, ['globex corporation'], [])).toEqual([ids.globex])
      expect(await byKey(tx, ['Globex Corporation'], [])).toEqual([])
      expect(await byKey(tx, [], ['globex.test'])).toEqual([ids.globex])
      expect(await byKey(tx, [], ['www.globex.test'])).toEqual([])
    })
  })
})

describe('who may run them and what their definer holds', () => {
  const signatures = [
    'search_contacts(text,uuid,uuid,real,uuid,integer)',
    'search_organization_ids(text)',
    'search_deal_ids(text)',
    'contact_ids_by_email(citext[])',
    'organization_ids_by_key(text[],text[])',
  ]

  it('only crm_app may execute them: not PUBLIC, not crm_platform', async () => {
    for (const fn of signatures) {
      const [r] = await rows<{ app: boolean; platform: boolean; acl: string }>(
        conn.db,
        sql`select has_function_privilege('crm_app', ${fn}, 'EXECUTE') as app,
              has_function_privilege('crm_platform', ${fn}, 'EXECUTE') as platform,
              (select proacl::text from pg_proc where oid = ${fn}::regprocedure) as acl`,
      )
      expect({ fn, app: r?.app, platform: r?.platform }).toEqual({ fn, app: true, platform: false })
      // An ACL entry for PUBLIC starts with "=" (e.g. "=X/owner").
      expect(
        r?.acl
          .replace(/[{}]/g, '')
          .split(',')
          .some((e) => e.startsWith('=')),
      ).toBe(false)
    }
  })

  it('are SECURITY DEFINER functions of crm_search with a fixed search_path', async () => {
    const fns = await rows<{ name: string; owner: string; definer: boolean; config: string[] | null }>(
      conn.db,
      sql`select proname as name, pg_get_userbyid(proowner) as owner, prosecdef as definer, proconfig as config
          from pg_proc where proowner = (select oid from pg_roles where rolname = 'crm_search') order by 1`,
    )
    expect(fns.map((f) => f.name)).toEqual([
      'contact_ids_by_email',
      'organization_ids_by_key',
      'search_contacts',
      'search_deal_ids',
      'search_organization_ids',
      'visible_contacts',
      'visible_deals',
    ])
    for (const f of fns.filter((f) => !f.name.startsWith('visible_'))) {
      expect(f.definer, f.name).toBe(true)
      expect(f.config, f.name).toContain('search_path=pg_catalog, public, pg_temp')
    }
  })

  it('keep the policy helpers (migration 0019) to themselves: plain SQL, invoker rights, nobody may call them', async () => {
    const helpers = await rows<{ name: string; definer: boolean; config: string[] | null; sqlBody: boolean }>(
      conn.db,
      sql`select proname as name, prosecdef as definer, proconfig as config, prosqlbody is not null as "sqlBody"
          from pg_proc where proname in ('visible_contacts', 'visible_deals') order by 1`,
    )
    // Inlined into the search functions only while they stay like this (no SET, not SECURITY DEFINER).
    expect(helpers).toEqual([
      { name: 'visible_contacts', definer: false, config: null, sqlBody: true },
      { name: 'visible_deals', definer: false, config: null, sqlBody: true },
    ])
    for (const fn of [
      'visible_contacts(uuid,uuid,boolean,uuid,uuid,boolean)',
      'visible_deals(uuid,uuid,boolean)',
    ]) {
      const [r] = await rows<{ app: boolean; platform: boolean }>(
        conn.db,
        sql`select has_function_privilege('crm_app', ${fn}, 'EXECUTE') as app,
              has_function_privilege('crm_platform', ${fn}, 'EXECUTE') as platform`,
      )
      expect({ fn, ...r }).toEqual({ fn, app: false, platform: false })
    }
  })

  it('crm_search cannot log in, owns no table, may not create, and reads only the searched columns', async () => {
    const [role] = await rows(
      conn.db,
      sql`select rolcanlogin, rolsuper, rolbypassrls,
            pg_has_role('crm_app', 'crm_search', 'MEMBER') as app_is_member,
            has_schema_privilege('crm_search', 'public', 'CREATE') as can_create
          from pg_roles where rolname = 'crm_search'`,
    )
    expect(role).toEqual({
      rolcanlogin: false,
      rolsuper: false,
      rolbypassrls: true,
      app_is_member: false,
      can_create: false,
    })
    const owned = await rows(
      conn.db,
      sql`select relname from pg_class where relowner = (select oid from pg_roles where rolname = 'crm_search')`,
    )
    expect(owned).toEqual([])
    const tables = await rows(
      conn.db,
      sql`select table_name from information_schema.table_privileges where grantee = 'crm_search'`,
    )
    expect(tables).toEqual([])
    const columns = await rows<{ t: string; cols: string }>(
      conn.db,
      sql`select table_name as t, string_agg(column_name::text || ':' || privilege_type, ',' order by column_name) as cols
          from information_schema.column_privileges where grantee = 'crm_search' group by 1 order by 1`,
    )
    const select = (...cols: string[]) =>
      cols
        .sort()
        .map((c) => `${c}:SELECT`)
        .join(',')
    expect(columns).toEqual([
      {
        t: 'contacts',
        cols: select(
          'assigned_user_id',
          'created_by',
          'deleted_at',
          'email',
          'full_name',
          'id',
          'last_name',
          'organization_id',
          'phone',
          'tenant_id',
        ),
      },
      { t: 'deals', cols: select('assigned_user_id', 'created_by', 'deleted_at', 'id', 'name', 'tenant_id') },
      { t: 'organizations', cols: select('deleted_at', 'id', 'name', 'tenant_id', 'website') },
    ])
  })
})

describe('on a large tenant the searches run on the trigram indexes', () => {
  beforeAll(async () => {
    // 20k contacts, 2k organizations and 20k deals in tenant A, written as the owner (a superuser in tests).
    const t = a.tenantId
    await conn.db.execute(sql`insert into organizations (tenant_id, name)
      select ${t}::uuid, 'Company ' || md5(i::text) from generate_series(1, 20000) i`)
    await conn.db.execute(sql`insert into contacts (tenant_id, first_name, last_name, email, phone, assigned_user_id)
      select ${t}::uuid, 'First' || (i % 97), 'Last' || md5(i::text), 'p' || i || '@example.test',
             '+1 (' || (100 + i % 900) || ') ' || lpad((i * 7919 % 10000000)::text, 7, '0'),
             case when i % 2 = 0 then ${a.rep.id}::uuid else ${a.otherRep.id}::uuid end
      from generate_series(1, 20000) i`)
    await conn.db.execute(sql`insert into deals (tenant_id, name, process_id, stage_id, assigned_user_id)
      select ${t}::uuid, 'Deal ' || md5(i::text), d.process_id, d.stage_id,
             case when i % 2 = 0 then ${a.rep.id}::uuid else ${a.otherRep.id}::uuid end
      from generate_series(1, 20000) i, (select process_id, stage_id from deals where id = ${ids.repDeal}) d`)
    await conn.db.execute(sql`vacuum analyze contacts`)
    await conn.db.execute(sql`vacuum analyze organizations`)
    await conn.db.execute(sql`vacuum analyze deals`)
  }, 240_000)

  /**
   * Scan counters of this transaction (the functions behind pg_stat_xact_user_tables/_indexes, which PGlite
   * lacks): for a table its sequential scans, for an index the scans on it. Not-yet-flushed counts of
   * earlier transactions may be included, so callers compare before and after.
   */
  const counters = async (tx: Tx) =>
    new Map(
      (
        await rows<{ name: string; scans: number }>(
          tx,
          sql`select relname as name, pg_stat_get_xact_numscans(oid)::int as scans from pg_class
              where relnamespace = 'public'::regnamespace
                and (relname in ('contacts', 'organizations', 'deals') or relname like '%trgm%')`,
        )
      ).map((r) => [r.name, Number(r.scans)]),
    )

  /** Runs the search as crm_app and says which tables were read sequentially and which trigram indexes used. */
  const scans = (role: Role, userId: string, call: SQL) =>
    withTenant(conn.db, { tenantId: a.tenantId, userId, role }, async (tx) => {
      const before = await counters(tx)
      const found = (await rows(tx, sql`select * from ${call}`)).length
      const after = await counters(tx)
      const used = [...after].filter(([name, n]) => n > (before.get(name) ?? 0)).map(([name]) => name)
      return {
        found,
        seqScans: used.filter((n) => !n.includes('trgm')).sort(),
        trigramIndexes: used.filter((n) => n.includes('trgm')).sort(),
      }
    })

  it('contacts: name, email, company and phone digits, for a manager and a rep', async () => {
    for (const [role, user] of [
      ['manager', a.manager.id],
      ['rep', a.rep.id],
    ] as const) {
      const r = await scans(role, user, sql`search_contacts('Jonhson')`)
      expect(r.found, role).toBeGreaterThan(0)
      expect(r.seqScans, role).toEqual([])
      expect(r.trigramIndexes, role).toEqual([
        'contacts_email_trgm_idx',
        'contacts_full_name_trgm_idx',
        'organizations_name_trgm_idx',
      ])
      const phone = await scans(role, user, sql`search_contacts('5550')`)
      expect(phone.seqScans, role).toEqual([])
      expect(phone.trigramIndexes, role).toContain('contacts_phone_digits_trgm_idx')
    }
  })

  it('organizations and deals by name', async () => {
    const orgs = await scans('manager', a.manager.id, sql`search_organization_ids('Globex')`)
    expect(orgs).toEqual({ found: 1, seqScans: [], trigramIndexes: ['organizations_name_trgm_idx'] })
    const deals = await scans('rep', a.rep.id, sql`search_deal_ids('Johnson renewal')`)
    expect(deals).toEqual({ found: 1, seqScans: [], trigramIndexes: ['deals_name_trgm_idx'] })
  })

  /** Heap rows of contacts, organizations and deals the call made this transaction read (scan counters). */
  const reads = (role: Role, userId: string, call: SQL) =>
    withTenant(conn.db, { tenantId: a.tenantId, userId, role }, async (tx) => {
      const read = async () =>
        Number(
          (
            await rows<{ n: number }>(
              tx,
              sql`select coalesce(sum(case when c.relkind = 'i' then pg_stat_get_xact_tuples_fetched(c.oid)
                    else pg_stat_get_xact_tuples_returned(c.oid) + pg_stat_get_xact_tuples_fetched(c.oid) end), 0)::int as n
                  from pg_class c left join pg_index x on x.indexrelid = c.oid
                  where coalesce(x.indrelid, c.oid) in ('contacts'::regclass, 'organizations'::regclass, 'deals'::regclass)`,
            )
          )[0]?.n,
        )
      const before = await read()
      const found = (await rows(tx, sql`select * from ${call}`)).length
      return { found, read: (await read()) - before }
    })

  it('read a bounded number of rows for a term that matches thousands (migrations 0019, 0023)', async () => {
    // Every one of the 20k contacts is called First…, every deal Deal …, every company Company …
    for (const [role, user] of [
      ['manager', a.manager.id],
      ['rep', a.rep.id],
    ] as const) {
      // A name prefix fills the candidates (40, or the page when it asks for more) and is the answer.
      const page = await reads(role, user, sql`search_contacts('First', max_rows => 26)`)
      expect(page, role).toEqual({ found: 26, read: expect.any(Number) })
      expect(page.read, role).toBeLessThanOrEqual(80)
      const contacts = await reads(role, user, sql`search_contacts('First')`)
      expect(contacts.found, role).toBe(101)
      expect(contacts.read, role).toBeLessThanOrEqual(200)
      const deals = await reads(role, user, sql`search_deal_ids('Deal')`)
      expect(deals.found, role).toBe(100)
      expect(deals.read, role).toBeLessThanOrEqual(150)
    }
    const orgs = await reads('manager', a.manager.id, sql`search_organization_ids('Company')`)
    expect(orgs).toEqual({ found: 100, read: expect.any(Number) })
    expect(orgs.read).toBeLessThanOrEqual(150)
  })
})
