// Times the list services with and without `q` on a generated 100k tenant (db:generate-data --only big),
// through withTenant exactly as the API runs them: as crm_app, under RLS. Median of 5 runs after a warm-up.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/aura_bench node --import tsx api/scripts/bench-search.ts
import { type Role, withTenant } from '@aura/db'
import { connect } from '@aura/db/connect'
import { sql } from 'drizzle-orm'
import { listContacts } from '../src/services/contacts/list-contacts.ts'
import { listDeals } from '../src/services/deals/list-deals.ts'
import { listOrganizations } from '../src/services/organizations/list-organizations.ts'

const conn = await connect(process.env.DATABASE_URL, { max: 1 })
const db = conn.db
const first = async <T>(query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows[0] as T
const tenant = await first<{ id: string }>(sql`select id from tenants where slug = 'gen-big'`)
// The manager and rep with the most contacts (a rep owns about 2% of the tenant).
const pick = (role: Role) =>
  first<{ id: string }>(sql`select u.id from users u where u.tenant_id = ${tenant.id} and u.role = ${role}
    order by (select count(*) from contacts c where c.assigned_user_id = u.id) desc, u.id limit 1`)
const people = { manager: await pick('manager'), rep: await pick('rep') }

const cases: [
  string,
  (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<{ data: unknown[] }>,
][] = [
  ['contacts q=Zhnag (misspelled last name)', (tx) => listContacts(tx, tenant.id, { q: 'Zhnag', limit: 25 })],
  ['contacts q=8188 (4 phone digits)', (tx) => listContacts(tx, tenant.id, { q: '8188', limit: 25 })],
  ['contacts q=nia.zh (email fragment)', (tx) => listContacts(tx, tenant.id, { q: 'nia.zh', limit: 25 })],
  ['contacts q=Pioneer (company)', (tx) => listContacts(tx, tenant.id, { q: 'Pioneer', limit: 25 })],
  ['contacts list (no q)', (tx) => listContacts(tx, tenant.id, { limit: 25 })],
  ['organizations q=Pioneer', (tx) => listOrganizations(tx, tenant.id, { q: 'Pioneer', limit: 25 })],
  [
    'organizations q=Logistcs (misspelled)',
    (tx) => listOrganizations(tx, tenant.id, { q: 'Logistcs', limit: 25 }),
  ],
  [
    'deals q=Brewing trial',
    (tx) => listDeals(tx, { q: 'Brewing trial', limit: 25, sort: 'updatedAt', direction: 'desc' }),
  ],
  ['deals list (no q)', (tx) => listDeals(tx, { limit: 25, sort: 'updatedAt', direction: 'desc' })],
]

process.stdout.write('| query | role | rows | median ms |\n|---|---|---|---|\n')
for (const [name, run] of cases) {
  for (const role of ['manager', 'rep'] as const) {
    const ctx = { tenantId: tenant.id, userId: people[role].id, role }
    let rows = 0
    const times: number[] = []
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now()
      rows = (await withTenant(db, ctx, run)).data.length
      if (i > 0) times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    process.stdout.write(`| ${name} | ${role} | ${rows} | ${times[2]?.toFixed(1)} |\n`)
  }
}
await conn.close()
