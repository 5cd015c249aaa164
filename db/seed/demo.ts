// The demo workspace: tenant `demo` with an admin, a manager and two reps, a platform admin on the root
// domain, two sales processes, a catalogue, organizations, contacts, deals with line items and activities.
// Idempotent: a second run finds the tenant and changes nothing. Goes through withPlatform/withTenant
// like the API does, so it also works where the owner role is subject to RLS (Neon).
import { asc, eq } from 'drizzle-orm'
import { type Db, withPlatform, withTenant } from '../client.ts'
import {
  dealStageHistory,
  processStages,
  products,
  salesProcesses,
  tasks,
  tenants,
  users,
} from '../schema/index.ts'
import { createActivity, createContact, createDeal, createOrganization } from './crm.ts'
import type { Executor } from './executor.ts'
import { createProcess } from './processes.ts'
import { createLineItem, createProduct } from './products.ts'
import { provisionTenantDefaults } from './provision.ts'
import { createTenant } from './tenants.ts'
import { createUser } from './users.ts'

export const DEMO_SLUG = 'demo'

export interface DemoLogin {
  email: string
  password: string
  role: string
  where: string
}

export interface DemoSeedResult {
  created: boolean
  tenantId: string
  logins: DemoLogin[]
}

const PEOPLE = [
  { key: 'admin', email: 'admin@demo.aura.test', name: 'Ada Admin', role: 'admin' },
  { key: 'manager', email: 'manager@demo.aura.test', name: 'Max Manager', role: 'manager' },
  { key: 'rep', email: 'rep@demo.aura.test', name: 'Rita Rep', role: 'rep' },
  { key: 'rep2', email: 'sam@demo.aura.test', name: 'Sam Seller', role: 'rep' },
] as const
const PLATFORM_ADMIN_EMAIL = 'ops@aura.test'

export async function seedDemo(db: Db, password = process.env.DEMO_PASSWORD ?? 'demo-password-123') {
  const logins: DemoLogin[] = [
    ...PEOPLE.map((p) => ({ email: p.email, password, role: p.role, where: `${DEMO_SLUG} workspace` })),
    { email: PLATFORM_ADMIN_EMAIL, password, role: 'platform admin', where: 'root domain' },
  ]
  const existing = await withPlatform(db, 'maintenance', async (tx) => {
    await ensurePlatformAdmin(tx, password)
    const [t] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, DEMO_SLUG))
    return t
  })
  if (existing) return { created: false, tenantId: existing.id, logins } satisfies DemoSeedResult

  const { tenantId, people } = await withPlatform(db, 'provision-tenant', async (tx) => {
    const tenant = await createTenant(tx, {
      slug: DEMO_SLUG,
      companyName: 'Demo Trading Co.',
      industry: 'Wholesale',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
    })
    const people: Record<string, string> = {}
    for (const p of PEOPLE) {
      const u = await createUser(tx, {
        tenantId: tenant.id,
        email: p.email,
        name: p.name,
        role: p.role,
        password,
      })
      people[p.key] = u.id
    }
    await provisionTenantDefaults(tx, tenant.id)
    await createProcess(tx, {
      tenantId: tenant.id,
      name: 'Renewals',
      position: 1,
      stages: [
        { name: 'Up for renewal', winProbability: 30 },
        { name: 'Quote sent', winProbability: 60, requiredFields: ['closeDate'] },
        { name: 'Renewed', winProbability: 100, kind: 'won' },
        { name: 'Churned', winProbability: 0, kind: 'lost' },
      ],
    })
    for (const [sku, name, price, cost] of [
      ['HW-KIOSK', 'Self-service kiosk', '3499.00', '2100.00'],
      ['HW-SCAN', 'Barcode scanner', '189.90', '95.00'],
    ] as const) {
      await createProduct(tx, {
        tenantId: tenant.id,
        sku,
        name,
        category: 'Hardware',
        blueprint: { defaultPrice: price, cost },
      })
    }
    return { tenantId: tenant.id, people }
  })

  const need = (key: string) => people[key] ?? ''
  await withTenant(db, { tenantId, userId: need('admin'), role: 'admin' }, (tx) =>
    seedCrm(tx, tenantId, { manager: need('manager'), rep: need('rep'), rep2: need('rep2') }),
  )
  return { created: true, tenantId, logins } satisfies DemoSeedResult
}

async function ensurePlatformAdmin(tx: Executor, password: string) {
  const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.email, PLATFORM_ADMIN_EMAIL))
  if (found) return
  await createUser(tx, { email: PLATFORM_ADMIN_EMAIL, name: 'Olivia Ops', isPlatformAdmin: true, password })
}

async function seedCrm(tx: Executor, tenantId: string, who: { manager: string; rep: string; rep2: string }) {
  const acme = await createOrganization(tx, {
    tenantId,
    name: 'Acme Retail',
    industry: 'Retail',
    size: '200-500',
    location: 'Hamburg',
    website: 'https://acme.example',
  })
  const acmeNorth = await createOrganization(tx, {
    tenantId,
    name: 'Acme Retail Nord',
    parentId: acme.id,
    location: 'Kiel',
  })
  const globex = await createOrganization(tx, {
    tenantId,
    name: 'Globex Logistics',
    industry: 'Logistics',
    size: '50-200',
    location: 'Rotterdam',
  })
  const initech = await createOrganization(tx, {
    tenantId,
    name: 'Initech',
    industry: 'Software',
    size: '10-50',
    location: 'Austin',
  })

  const contact = (
    firstName: string,
    lastName: string,
    organizationId: string,
    assignedUserId: string,
    title: string,
  ) =>
    createContact(tx, {
      tenantId,
      firstName,
      lastName,
      title,
      organizationId,
      assignedUserId,
      email: `${firstName}.${lastName.replaceAll(' ', '')}@example.com`.toLowerCase(),
      phone: '+49 40 1234567',
    })
  const jana = await contact('Jana', 'Becker', acme.id, who.rep, 'Head of Operations')
  const lars = await contact('Lars', 'Holm', acmeNorth.id, who.rep, 'Store Manager')
  const ines = await contact('Ines', 'de Vries', globex.id, who.rep2, 'Procurement Lead')
  const bill = await contact('Bill', 'Lumbergh', initech.id, who.manager, 'VP Operations')

  const [process] = await tx.select().from(salesProcesses).where(eq(salesProcesses.isDefault, true))
  if (!process) throw new Error('demo seed: no default process')
  const stages = await tx
    .select()
    .from(processStages)
    .where(eq(processStages.processId, process.id))
    .orderBy(asc(processStages.position))
  const deal = async (
    name: string,
    stageIndex: number,
    c: { id: string; organizationId: string | null },
    assignedUserId: string,
    amount: string,
  ) => {
    const stage = stages[stageIndex]
    if (!stage) throw new Error(`demo seed: no stage ${stageIndex}`)
    const d = await createDeal(tx, {
      tenantId,
      name,
      amount,
      currency: 'EUR',
      processId: process.id,
      stageId: stage.id,
      probability: stage.winProbability,
      contactId: c.id,
      organizationId: c.organizationId,
      assignedUserId,
      closeDate: '2026-12-15',
    })
    await tx.insert(dealStageHistory).values({
      tenantId,
      dealId: d.id,
      toProcessId: process.id,
      toStageId: stage.id,
      toStageName: stage.name,
      amount: d.amount,
      probability: d.probability,
    })
    return d
  }
  const rollOut = await deal('Acme kiosk roll-out', 2, jana, who.rep, '0')
  await deal('Acme Nord scanners', 0, lars, who.rep, '2500.00')
  const onboarding = await deal('Globex onboarding', 1, ines, who.rep2, '1500.00')
  const seats = await deal('Initech seats', 3, bill, who.manager, '9600.00')
  // Next steps (ADR 0168), due around the moment of seeding so My day has something overdue, something
  // today and something coming; Acme Nord scanners has none, so lists show the "no next step" flag.
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000)
  await tx.insert(tasks).values([
    {
      tenantId,
      type: 'email',
      subject: 'Send the revised kiosk quote',
      dueAt: hours(-20),
      assigneeUserId: who.rep,
      dealId: rollOut.id,
      createdBy: who.rep,
    },
    {
      tenantId,
      type: 'call',
      subject: 'Call Jana about the install date',
      dueAt: hours(3),
      assigneeUserId: who.rep,
      dealId: rollOut.id,
      contactId: jana.id,
      createdBy: who.manager,
    },
    {
      tenantId,
      type: 'meeting',
      subject: 'Onboarding kick-off with Ines',
      dueAt: hours(26),
      assigneeUserId: who.rep2,
      dealId: onboarding.id,
      createdBy: who.rep2,
    },
    {
      tenantId,
      type: 'call',
      subject: 'Negotiate the seat count',
      dueAt: hours(50),
      assigneeUserId: who.manager,
      dealId: seats.id,
      createdBy: who.manager,
    },
  ])
  // Line items on the roll-out: its amount then follows their total (database trigger).
  const [kiosk] = await tx.select().from(products).where(eq(products.sku, 'HW-KIOSK'))
  const [scanner] = await tx.select().from(products).where(eq(products.sku, 'HW-SCAN'))
  if (kiosk)
    await createLineItem(tx, {
      tenantId,
      dealId: rollOut.id,
      productId: kiosk.id,
      quantity: 3,
      unitPrice: '3299.00',
    })
  if (scanner)
    await createLineItem(tx, {
      tenantId,
      dealId: rollOut.id,
      productId: scanner.id,
      quantity: 6,
      position: 1,
    })
  await createActivity(tx, {
    tenantId,
    contactId: jana.id,
    dealId: rollOut.id,
    type: 'meeting',
    subject: 'Kiosk demo on site',
    participantUserId: who.rep,
  })
  await createActivity(tx, {
    tenantId,
    contactId: ines.id,
    type: 'call',
    subject: 'Intro call',
    participantUserId: who.rep2,
  })
  await createActivity(tx, {
    tenantId,
    contactId: bill.id,
    type: 'email',
    subject: 'Seat pricing sent',
    participantUserId: who.manager,
  })
}
