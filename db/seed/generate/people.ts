// Organizations (a tenth with a parent among the earlier ones, so no cycles) and contacts with unique
// emails, varied phone numbers and owners, generated in chunks so a million rows never sit in memory.
import { Batch } from './bulk.ts'
import { count, iso, laterMs, pastMs, type TenantPlan } from './plan.ts'
import { Rng } from './prng.ts'
import * as W from './words.ts'

const MAIL_DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'inbox.example.com']

export function* organizationChunks(plan: TenantPlan, chunk: number) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'organizations')
  let batch = newOrganizations()
  for (let i = 0; i < plan.spec.organizations; i++) {
    const root = rng.pick(W.COMPANY_ROOTS)
    const kind = rng.pick(W.COMPANY_KINDS)
    const name = `${root} ${kind}${rng.chance(0.6) ? ` ${rng.pick(W.COMPANY_SUFFIXES)}` : ''}`
    const created = pastMs(rng, 3 * 365, 30)
    const id = rng.uuid()
    plan.orgIds.push(id)
    plan.orgNames.push(name)
    batch.push({
      id,
      tenant_id: plan.tenantId,
      parent_id: i > 10 && rng.chance(0.1) ? (plan.orgIds[rng.int(0, i - 1)] ?? null) : null,
      name,
      size: rng.pick(W.SIZES),
      industry: rng.pick(W.INDUSTRIES),
      location: rng.pick(W.CITIES),
      website: `https://${root}-${kind}.example`.toLowerCase(),
      deleted_at: rng.chance(0.01) ? iso(laterMs(rng, created, 365)) : null,
      created_at: iso(created),
      updated_at: iso(laterMs(rng, created, 60)),
      created_by: plan.adminId,
    })
    if (batch.length >= chunk) {
      yield [batch]
      batch = newOrganizations()
    }
  }
  count(plan, 'organizations', plan.orgIds.length)
  if (batch.length) yield [batch]
}

const newOrganizations = () =>
  new Batch('organizations', {
    id: 'uuid',
    tenant_id: 'uuid',
    parent_id: 'uuid',
    name: 'text',
    size: 'text',
    industry: 'text',
    location: 'text',
    website: 'text',
    deleted_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })

/** Mostly North American numbers with every digit drawn, so a search for any 3–4 digits finds a few. */
function phone(rng: Rng): string | null {
  const r = rng.next()
  if (r < 0.1) return null
  if (r < 0.8)
    return `+1 (${rng.int(2, 9)}${rng.digits(2)}) ${rng.int(2, 9)}${rng.digits(2)}-${rng.digits(4)}`
  if (r < 0.9) return `+44 20 ${rng.digits(4)} ${rng.digits(4)}`
  return `+49 ${rng.int(30, 89)} ${rng.digits(7)}`
}

export function* contactChunks(plan: TenantPlan, chunk: number) {
  const rng = new Rng(plan.seed, plan.spec.slug, 'contacts')
  const n = plan.spec.contacts
  plan.contactOrg = new Int32Array(n)
  plan.contactOwner = new Int32Array(n)
  plan.contactCreatedMs = new Float64Array(n)
  const emails = new Set<string>()
  let batch = newContacts()
  for (let i = 0; i < n; i++) {
    const first = rng.pick(W.FIRST_NAMES)
    const last = rng.pick(W.LAST_NAMES)
    const org = plan.orgIds.length && rng.chance(0.85) ? rng.int(0, plan.orgIds.length - 1) : -1
    const owner = rng.int(0, plan.ownerIds.length - 1)
    const domain =
      org >= 0 ? (plan.orgNames[org] ?? '').split(' ').slice(0, 2).join('-') : rng.pick(MAIL_DOMAINS)
    const email = rng.chance(0.95) ? uniqueEmail(emails, `${first}.${last}`, domain) : null
    const created = pastMs(rng, 3 * 365, 1)
    const id = rng.uuid()
    plan.contactIds.push(id)
    plan.contactOrg[i] = org
    plan.contactOwner[i] = owner
    plan.contactCreatedMs[i] = created
    const ownerId = plan.ownerIds[owner] ?? null
    batch.push({
      id,
      tenant_id: plan.tenantId,
      first_name: first,
      last_name: last,
      email,
      phone: phone(rng),
      title: `${rng.pick(W.TITLE_AREAS)} ${rng.pick(W.TITLES)}`,
      organization_id: org >= 0 ? (plan.orgIds[org] ?? null) : null,
      assigned_user_id: ownerId,
      deleted_at: rng.chance(0.02) ? iso(laterMs(rng, created, 200)) : null,
      created_at: iso(created),
      updated_at: iso(laterMs(rng, created, 90)),
      created_by: rng.chance(0.7) ? ownerId : plan.adminId,
    })
    if (batch.length >= chunk) {
      yield [batch]
      batch = newContacts()
    }
  }
  count(plan, 'contacts', n)
  if (batch.length) yield [batch]
}

/** jana.becker@acme-retail.example, then jana.becker2@… for the next Jana Becker there. */
function uniqueEmail(seen: Set<string>, local: string, domain: string): string {
  const host = domain.includes('.') ? domain : `${domain}.example`
  const base = `${local}@${host}`.toLowerCase()
  let email = base
  for (let k = 2; seen.has(email); k++) email = `${local}${k}@${host}`.toLowerCase()
  seen.add(email)
  return email
}

const newContacts = () =>
  new Batch('contacts', {
    id: 'uuid',
    tenant_id: 'uuid',
    first_name: 'text',
    last_name: 'text',
    email: 'citext',
    phone: 'text',
    title: 'text',
    organization_id: 'uuid',
    assigned_user_id: 'uuid',
    deleted_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    created_by: 'uuid',
  })
