// The deal and contact lists page each role on its own indexes (lib/owned-page.ts, ADR 0100): a lead the
// tenant, a rep the rows assigned to them plus those they created and handed over. Whatever the branches,
// every role must get exactly what the policies show, in order, across pages, for every sort.
import { type Role, withTenant } from '@aura/db'
import type { Connection } from '@aura/db/connect'
import {
  createContact,
  createDeal,
  createTenant,
  createUser,
  provisionTenantDefaults,
} from '@aura/db/seed/index'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDb } from '../../db/test/db.ts'
import { listContacts } from '../src/services/contacts/list-contacts.ts'
import { listDeals } from '../src/services/deals/list-deals.ts'

let conn: Connection
let tenantId: string
const people: Record<'manager' | 'rep' | 'colleague', string> = { manager: '', rep: '', colleague: '' }
/** What each person may see, by name (the policies: a lead all, anyone else assigned or created). */
const visible = { deals: {} as Record<string, string[]>, contacts: {} as Record<string, string[]> }

beforeAll(async () => {
  conn = await testDb()
  const db = conn.db
  tenantId = (await createTenant(db)).id
  people.manager = (await createUser(db, { tenantId, role: 'manager' })).id
  people.rep = (await createUser(db, { tenantId, role: 'rep' })).id
  people.colleague = (await createUser(db, { tenantId, role: 'rep' })).id
  await provisionTenantDefaults(db, tenantId)
  // [name, created by, assigned to, deleted]: own, handed over either way, a colleague's, unassigned, gone.
  const rows = [
    ['own 1', 'rep', 'rep', false],
    ['own 2', 'manager', 'rep', false],
    ['handed over 1', 'rep', 'colleague', false],
    ['handed over 2', 'rep', null, false],
    ['colleague 1', 'colleague', 'colleague', false],
    ['colleague 2', 'manager', 'colleague', false],
    ['own, deleted', 'rep', 'rep', true],
    ['own 3', 'rep', 'rep', false],
  ] as const
  for (const [i, [name, by, to, deleted]] of rows.entries()) {
    const who = (p: keyof typeof people | null) => (p ? people[p] : null)
    const at = new Date(Date.UTC(2026, 0, 1 + (i % 3)))
    const common = { tenantId, createdBy: who(by), assignedUserId: who(to), createdAt: at, updatedAt: at }
    await createDeal(db, {
      ...common,
      name,
      amount: `${(i % 4) * 100}.00`,
      closeDate: i % 3 ? `2026-0${(i % 4) + 1}-15` : null,
      deletedAt: deleted ? at : null,
    })
    await createContact(db, {
      ...common,
      firstName: 'Person',
      lastName: name,
      deletedAt: deleted ? at : null,
    })
  }
  for (const person of Object.keys(people) as (keyof typeof people)[]) {
    const sees = rows
      .filter(([, by, to, deleted]) => !deleted && (person === 'manager' || by === person || to === person))
      .map(([name]) => name)
      .sort()
    visible.deals[person] = sees
    visible.contacts[person] = sees
  }
}, 60_000)
afterAll(async () => {
  await conn?.close()
})

const as = <T>(person: keyof typeof people, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(
    conn.db,
    { tenantId, userId: people[person], role: (person === 'manager' ? 'manager' : 'rep') as Role },
    fn,
  )

describe('a page for each role', () => {
  it('deals: exactly what the policy shows, in order, across pages of one, for every sort', async () => {
    for (const person of Object.keys(people) as (keyof typeof people)[])
      for (const sort of ['updatedAt', 'createdAt', 'closeDate', 'amount'] as const)
        for (const direction of ['desc', 'asc'] as const) {
          const where = `${person} ${sort} ${direction}`
          const seen: { name: string }[] = []
          const whole = await as(person, (tx) => listDeals(tx, { limit: 100, sort, direction }))
          let cursor: string | undefined
          do {
            const page = await as(person, (tx) => listDeals(tx, { limit: 1, sort, direction, cursor }))
            seen.push(...page.data)
            cursor = page.nextCursor ?? undefined
          } while (cursor)
          expect(seen.map((d) => d.name).sort(), where).toEqual(visible.deals[person])
          // Paging one at a time meets the rows in the order of the whole list.
          expect(
            seen.map((d) => d.name),
            where,
          ).toEqual(whole.data.map((d) => d.name))
        }
  })

  it('deals: filters apply in every branch (a rep’s handed-over deal by owner, by close date range)', async () => {
    const names = async (person: keyof typeof people, q: Partial<Parameters<typeof listDeals>[1]>) =>
      (
        await as(person, (tx) => listDeals(tx, { limit: 25, sort: 'updatedAt', direction: 'desc', ...q }))
      ).data
        .map((d) => d.name)
        .sort()
    expect(await names('rep', { assignedUserId: people.colleague })).toEqual(['handed over 1'])
    expect(await names('manager', { assignedUserId: people.colleague })).toEqual([
      'colleague 1',
      'colleague 2',
      'handed over 1',
    ])
    // Without a close date a deal is outside any range, as before (close key > -infinity).
    const dated = await names('rep', { closeDateTo: '2026-12-31' })
    expect(dated.length).toBeGreaterThan(0)
    const undated = await conn.db.execute(
      sql`select name from deals where tenant_id = ${tenantId} and close_date is null`,
    )
    for (const row of (undated as unknown as { rows: { name: string }[] }).rows)
      expect(dated).not.toContain(row.name)
  })

  it('contacts: exactly what the policy shows, newest first, across pages of one', async () => {
    for (const person of Object.keys(people) as (keyof typeof people)[]) {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await as(person, (tx) => listContacts(tx, tenantId, { limit: 1, cursor }))
        seen.push(...page.data.map((c) => c.lastName ?? ''))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      expect([...seen].sort(), person).toEqual(visible.contacts[person])
    }
  })
})
