// Factories for the CRM records: organizations, contacts, deals, activities.
import { and, asc, eq, isNull } from 'drizzle-orm'
import { activities, contacts, deals, organizations, processStages, salesProcesses } from '../schema/index.ts'
import { type Executor, first, uniq } from './executor.ts'

export type Organization = typeof organizations.$inferSelect
export type Contact = typeof contacts.$inferSelect
export type Deal = typeof deals.$inferSelect
export type Activity = typeof activities.$inferSelect

type With<T, K extends keyof T> = Partial<T> & Pick<Required<T>, K>

export async function createOrganization(
  db: Executor,
  overrides: With<typeof organizations.$inferInsert, 'tenantId'>,
): Promise<Organization> {
  return first(
    await db
      .insert(organizations)
      .values({ name: `Org ${uniq()}`, ...overrides })
      .returning(),
  )
}

export async function createContact(
  db: Executor,
  overrides: With<typeof contacts.$inferInsert, 'tenantId'>,
): Promise<Contact> {
  const n = uniq()
  return first(
    await db
      .insert(contacts)
      .values({ firstName: 'Ada', lastName: `Contact ${n}`, email: `ada-${n}@example.test`, ...overrides })
      .returning(),
  )
}

/** A deal; without processId/stageId it lands in the tenant's default process, first stage. */
export async function createDeal(
  db: Executor,
  overrides: With<typeof deals.$inferInsert, 'tenantId'>,
): Promise<Deal> {
  let { processId, stageId } = overrides
  if (!processId) {
    const [p] = await db
      .select({ id: salesProcesses.id })
      .from(salesProcesses)
      .where(
        and(
          eq(salesProcesses.tenantId, overrides.tenantId),
          eq(salesProcesses.isDefault, true),
          isNull(salesProcesses.archivedAt),
        ),
      )
    if (!p) throw new Error('createDeal: tenant has no default process; pass processId')
    processId = p.id
  }
  if (!stageId) {
    const [s] = await db
      .select({ id: processStages.id, probability: processStages.winProbability })
      .from(processStages)
      .where(and(eq(processStages.tenantId, overrides.tenantId), eq(processStages.processId, processId)))
      .orderBy(asc(processStages.position))
      .limit(1)
    if (!s) throw new Error('createDeal: process has no stages; pass stageId')
    stageId = s.id
  }
  return first(
    await db
      .insert(deals)
      .values({ name: `Deal ${uniq()}`, amount: '1000.00', ...overrides, processId, stageId })
      .returning(),
  )
}

export async function createActivity(
  db: Executor,
  overrides: With<typeof activities.$inferInsert, 'tenantId' | 'contactId'>,
): Promise<Activity> {
  return first(
    await db
      .insert(activities)
      .values({ type: 'note', subject: 'Note', description: 'Spoke briefly.', ...overrides })
      .returning(),
  )
}
