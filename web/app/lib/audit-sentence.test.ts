// Audit entries read as sentences with names (issue 13): one case per action the API writes, with the
// payload shapes the API records (api/src/services/**, recordAudit), and the rules that hold for all of
// them: no UUID is ever shown, user ids become names (or "a former member"), money and dates are formatted.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  type AuditSentenceEntry,
  auditSentence,
  changedFields,
  entityLabel,
  fieldLabel,
} from './audit-sentence.ts'

/** Every `'area.event'` on an action line of the API files that write the tenant audit log. */
function apiAuditActions(): string[] {
  const root = fileURLToPath(new URL('../../../api/src', import.meta.url))
  const writes = /recordAudit|recordSecurityEvent|await audit\(/
  const found = new Set<string>()
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
    const text = readFileSync(join(root, file), 'utf8')
    if (!writes.test(text)) continue
    for (const line of text.split('\n')) {
      if (!/\baction\b|^\s*\| '/.test(line)) continue
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) if (m[1]) found.add(m[1])
    }
  }
  return [...found].sort()
}

const ADMIN = '0b9a6a4e-7f3c-4c6e-9d5a-2f1e8b7c6d5e'
const ANA = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
const BEN = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60'
const CARL = '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071'
const GONE = '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f607182'
const PLATFORM = '5a6b7c8d-9e0f-4a1b-8c3d-4e5f60718293'
const DEAL = '6b7c8d9e-0f1a-4b2c-9d4e-5f6071829304'
const OTHER = '7c8d9e0f-1a2b-4c3d-8e5f-607182930415'
const OTHER2 = '8d9e0f1a-2b3c-4d4e-9f60-718293041526'
const TENANT = '9e0f1a2b-3c4d-4e5f-8071-829304152637'

const ctx = {
  names: { [ADMIN]: 'Admin', [ANA]: 'Ana Rep', [BEN]: 'Ben Manager', [CARL]: 'Carl Rep' },
  currency: 'EUR',
}

type Case = [label: string, entry: AuditSentenceEntry, expected: string]
const e = (
  action: string,
  actorUserId: string | null,
  entityType: string | null,
  entityId: string | null,
  before?: unknown,
  after?: unknown,
): AuditSentenceEntry => ({ action, actorUserId, entityType, entityId, before, after })

const dealView = {
  id: DEAL,
  name: 'Acme renewal',
  amount: '1200.00',
  currency: 'EUR',
  processId: OTHER,
  processName: 'Sales',
  stageId: OTHER2,
  stageName: 'Proposal',
  status: 'open',
  probability: 50,
  closeDate: null,
  contactId: null,
  organizationId: OTHER,
  assignedUserId: CARL,
  notes: null,
  hasLineItems: false,
  lineItemsTotal: '0.00',
  closedAt: null,
  closedStageName: null,
  closedProbability: null,
  finalAmount: null,
  customFields: {},
  createdBy: BEN,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
}
const stage = (name: string, winProbability: number, requiredFields: string[] = []) => ({
  id: OTHER2,
  processId: OTHER,
  name,
  position: 1,
  kind: 'open',
  winProbability,
  requiredFields,
})
const process = (name: string, archived: boolean, description: string | null = null) => ({
  id: OTHER,
  name,
  description,
  isDefault: false,
  archived,
  archivedAt: archived ? '2026-03-02T10:00:00.000Z' : null,
  position: 2,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
})

const deals: Case[] = [
  [
    'deal.created',
    e('deal.created', BEN, 'deal', DEAL, undefined, dealView),
    'Ben Manager created the deal “Acme renewal” worth €1,200.00 in Proposal for Carl Rep',
  ],
  [
    'deal.updated (money and a date)',
    e(
      'deal.updated',
      ADMIN,
      'deal',
      DEAL,
      { amount: '100.00', closeDate: null },
      { amount: '120.00', closeDate: '2026-03-31' },
    ),
    'Admin changed amount from €100.00 to €120.00 and close date from none to 31 Mar 2026',
  ],
  [
    'deal.updated (links, notes, probability, a custom field)',
    e(
      'deal.updated',
      ANA,
      'deal',
      DEAL,
      {
        contactId: null,
        organizationId: OTHER,
        notes: 'old',
        probability: 20,
        customFields: { tier: 'gold' },
      },
      {
        contactId: OTHER2,
        organizationId: OTHER2,
        notes: 'new and longer',
        probability: 60,
        customFields: { tier: 'platinum', region: 'EMEA' },
      },
    ),
    'Ana Rep changed contact, organization, notes, probability from 20% to 60%, tier from gold to platinum and region from none to EMEA',
  ],
  [
    'deal.reassigned',
    e('deal.reassigned', BEN, 'deal', DEAL, { assignedUserId: ANA }, { assignedUserId: CARL }),
    'Ben Manager reassigned the deal from Ana Rep to Carl Rep',
  ],
  [
    'deal.reassigned (from someone who left)',
    e('deal.reassigned', BEN, 'deal', DEAL, { assignedUserId: GONE }, { assignedUserId: ANA }),
    'Ben Manager reassigned the deal from a former member to Ana Rep',
  ],
  [
    'deal.deleted',
    e('deal.deleted', ADMIN, 'deal', DEAL, {
      name: 'Acme renewal',
      amount: '1.00',
      stageId: OTHER,
      status: 'open',
    }),
    'Admin deleted the deal “Acme renewal”',
  ],
  [
    'deal.stage_changed',
    e(
      'deal.stage_changed',
      ANA,
      'deal',
      DEAL,
      { processId: OTHER, stageId: OTHER2, stageName: 'Proposal', status: 'open' },
      { processId: OTHER, stageId: OTHER, stageName: 'Won', status: 'won', probability: 100 },
    ),
    'Ana Rep moved the deal from Proposal to Won',
  ],
  [
    'deal.stage_changed (lost, with a reason)',
    e(
      'deal.stage_changed',
      ANA,
      'deal',
      DEAL,
      { processId: OTHER, stageId: OTHER2, stageName: 'Proposal', status: 'open' },
      {
        processId: OTHER,
        stageId: OTHER,
        stageName: 'Lost',
        status: 'lost',
        probability: 0,
        lostReason: 'Price',
      },
    ),
    'Ana Rep moved the deal from Proposal to Lost (reason: Price)',
  ],
  [
    'deal.reopened',
    e(
      'deal.reopened',
      BEN,
      'deal',
      DEAL,
      { processId: OTHER, stageId: OTHER, stageName: 'Lost', status: 'lost' },
      { processId: OTHER, stageId: OTHER2, stageName: 'Proposal', status: 'open', probability: 50 },
    ),
    'Ben Manager reopened the deal, moving it from Lost to Proposal',
  ],
  [
    'deal.lost_reason_changed',
    e('deal.lost_reason_changed', ANA, 'deal', DEAL, undefined, { lostReason: 'Timing' }),
    'Ana Rep set the reason the deal was lost to Timing',
  ],
  [
    'deal.process_changed',
    e(
      'deal.process_changed',
      ANA,
      'deal',
      DEAL,
      { processId: OTHER, stageId: OTHER2, stageName: 'Proposal', status: 'open' },
      { processId: OTHER2, stageId: OTHER, stageName: 'Discovery', status: 'open', probability: 10 },
    ),
    'Ana Rep moved the deal to another process, from Proposal to Discovery',
  ],
  [
    'deal.line_item_added',
    e('deal.line_item_added', ANA, 'deal', DEAL, undefined, {
      lineId: OTHER,
      productId: OTHER2,
      sku: 'SEAT-PRO',
      quantity: 3,
      listPrice: '100.00',
      unitPrice: '90.00',
    }),
    'Ana Rep added 3 × SEAT-PRO at €90.00 to the deal',
  ],
  [
    'deal.line_item_price_overridden (when added, below policy)',
    e(
      'deal.line_item_price_overridden',
      BEN,
      'deal',
      DEAL,
      { lineId: OTHER, unitPrice: '100.00' },
      { lineId: OTHER, unitPrice: '70.00', belowPolicy: true, minimumAllowedPrice: '80.00' },
    ),
    'Ben Manager changed the price of a product on the deal from €100.00 to €70.00, below the discount policy (minimum €80.00)',
  ],
  [
    'deal.line_item_price_overridden (edited)',
    e(
      'deal.line_item_price_overridden',
      ANA,
      'deal',
      DEAL,
      { lineId: OTHER, sku: 'SEAT-PRO', listPrice: '100.00', unitPrice: '100.00' },
      {
        lineId: OTHER,
        sku: 'SEAT-PRO',
        listPrice: '100.00',
        unitPrice: '95.00',
        belowPolicy: false,
        minimumAllowedPrice: '90.00',
      },
    ),
    'Ana Rep changed the price of SEAT-PRO on the deal from €100.00 to €95.00',
  ],
  [
    'deal.line_item_quantity_changed',
    e(
      'deal.line_item_quantity_changed',
      ANA,
      'deal',
      DEAL,
      { lineId: OTHER, sku: 'SEAT-PRO', quantity: 3 },
      { lineId: OTHER, sku: 'SEAT-PRO', quantity: 5 },
    ),
    'Ana Rep changed the quantity of SEAT-PRO from 3 to 5',
  ],
  [
    'deal.line_item_removed',
    e('deal.line_item_removed', ANA, 'deal', DEAL, {
      lineId: OTHER,
      productId: OTHER2,
      sku: 'SEAT-PRO',
      quantity: 5,
      listPrice: '100.00',
      unitPrice: '95.00',
      extendedPrice: '475.00',
    }),
    'Ana Rep removed 5 × SEAT-PRO from the deal',
  ],
]

const records: Case[] = [
  [
    'contact.created',
    e('contact.created', BEN, 'contact', OTHER, undefined, {
      email: 'bob@example.com',
      assignedUserId: ANA,
      organizationId: OTHER2,
    }),
    'Ben Manager created a contact (bob@example.com) for Ana Rep',
  ],
  [
    'contact.updated',
    e(
      'contact.updated',
      ANA,
      'contact',
      OTHER,
      { phone: null, email: 'bob@example.com' },
      { phone: '+33 1 23 45 67 89', email: 'bob@example.org' },
    ),
    'Ana Rep changed the contact’s phone from none to +33 1 23 45 67 89 and email from bob@example.com to bob@example.org',
  ],
  [
    'contact.reassigned',
    e('contact.reassigned', BEN, 'contact', OTHER, { assignedUserId: ANA }, { assignedUserId: CARL }),
    'Ben Manager reassigned the contact from Ana Rep to Carl Rep',
  ],
  [
    'contact.deleted',
    e('contact.deleted', ADMIN, 'contact', OTHER, { fullName: 'Bob Smith', email: 'bob@example.com' }),
    'Admin deleted the contact Bob Smith',
  ],
  [
    'contact.personal_data_exported',
    e('contact.personal_data_exported', ADMIN, 'contact', OTHER),
    'Admin downloaded a contact’s personal data',
  ],
  [
    'contact.erased',
    e('contact.erased', ADMIN, 'contact', OTHER, undefined, {
      pseudonym: 'erased:0123456789abcdef',
      activitiesDeleted: 2,
    }),
    'Admin erased a contact and their personal data (with 2 activities)',
  ],
  [
    'organization.created',
    e('organization.created', ANA, 'organization', OTHER, undefined, { name: 'Globex', parentId: OTHER2 }),
    'Ana Rep created the organization “Globex”',
  ],
  [
    'organization.updated',
    e(
      'organization.updated',
      ANA,
      'organization',
      OTHER,
      { industry: null, parentId: null },
      { industry: 'Retail', parentId: OTHER2 },
    ),
    'Ana Rep changed the organization’s industry from none to Retail and parent organization',
  ],
  [
    'organization.deleted',
    e('organization.deleted', ADMIN, 'organization', OTHER, { name: 'Globex' }),
    'Admin deleted the organization “Globex”',
  ],
  [
    'activity.deleted',
    e('activity.deleted', ANA, 'activity', OTHER, { contactId: OTHER2, type: 'call' }),
    'Ana Rep archived a call',
  ],
  [
    'task.created',
    e('task.created', ADMIN, 'task', OTHER, undefined, {
      subject: 'Book the demo',
      type: 'meeting',
      dueAt: '2026-03-31T09:00:00.000Z',
      assigneeUserId: ANA,
      dealId: DEAL,
      contactId: null,
    }),
    'Admin planned “Book the demo” for Ana Rep, due 31 Mar 2026',
  ],
  [
    'task.updated',
    e(
      'task.updated',
      ANA,
      'task',
      OTHER,
      { subject: 'Call', dueAt: '2026-03-31T09:00:00.000Z', assigneeUserId: ANA },
      { subject: 'Call', dueAt: '2026-04-02T09:00:00.000Z', assigneeUserId: BEN },
    ),
    'Ana Rep changed the task’s due date from 31 Mar 2026 to 2 Apr 2026 and assignee from Ana Rep to Ben Manager',
  ],
  [
    'task.completed',
    e('task.completed', ANA, 'task', OTHER, undefined, { subject: 'Send the quote', dealId: DEAL }),
    'Ana Rep completed “Send the quote”',
  ],
  [
    'task.deleted',
    e('task.deleted', ANA, 'task', OTHER, { subject: 'Send the quote' }),
    'Ana Rep deleted the task “Send the quote”',
  ],
  [
    'contact.merged',
    e('contact.merged', ANA, 'contact', OTHER, {
      survivor: {},
      other: { id: OTHER2, fullName: 'Bob Smith' },
    }),
    'Ana Rep merged the contact “Bob Smith” into this one',
  ],
  [
    'contact.merge_undone',
    e('contact.merge_undone', ANA, 'contact', OTHER2),
    'Ana Rep undid a merge of contacts',
  ],
  [
    'organization.merged',
    e('organization.merged', BEN, 'organization', OTHER, {
      survivor: {},
      other: { id: OTHER2, name: 'Acme Ltd' },
    }),
    'Ben Manager merged the organization “Acme Ltd” into this one',
  ],
  [
    'organization.merge_undone',
    e('organization.merge_undone', BEN, 'organization', OTHER2),
    'Ben Manager undid a merge of organizations',
  ],
  [
    'product.created',
    e('product.created', ADMIN, 'product', OTHER, undefined, {
      sku: 'SEAT-PRO',
      name: 'Pro seat',
      category: null,
      isActive: true,
    }),
    'Admin created the product “Pro seat” (SEAT-PRO)',
  ],
  [
    'product.updated',
    e(
      'product.updated',
      ADMIN,
      'product',
      OTHER,
      { name: 'Pro seat', category: null, description: 'a' },
      { name: 'Pro seat (annual)', category: 'Licences', description: 'b' },
    ),
    'Admin changed the product’s name from Pro seat to Pro seat (annual), category from none to Licences and description',
  ],
  [
    'product.activated',
    e('product.activated', ADMIN, 'product', OTHER, { isActive: false }, { isActive: true }),
    'Admin activated a product',
  ],
  [
    'product.deactivated',
    e('product.deactivated', ADMIN, 'product', OTHER, { isActive: true }, { isActive: false }),
    'Admin deactivated a product',
  ],
  [
    'product.pricing_changed (first pricing)',
    e('product.pricing_changed', ADMIN, 'product', OTHER, null, {
      defaultPrice: '100.00',
      cost: '60.00',
      maxDiscountPercent: '10.00',
      marginTargetPercent: null,
    }),
    'Admin set the product’s pricing: default price €100.00, cost €60.00 and maximum discount 10%',
  ],
  [
    'product.pricing_changed',
    e(
      'product.pricing_changed',
      ADMIN,
      'product',
      OTHER,
      { defaultPrice: '100.00', cost: '60.00', maxDiscountPercent: '10.00', marginTargetPercent: null },
      { defaultPrice: '110.00', cost: '60.00', maxDiscountPercent: '12.50', marginTargetPercent: null },
    ),
    'Admin changed the product’s default price from €100.00 to €110.00 and maximum discount from 10% to 12.5%',
  ],
]

const processes: Case[] = [
  [
    'process.created',
    e('process.created', ADMIN, 'process', OTHER, undefined, {
      ...process('Enterprise', false),
      stages: [stage('Lead', 10), stage('Won', 100)],
    }),
    'Admin created the process “Enterprise” with 2 stages',
  ],
  [
    'process.updated (renamed)',
    e(
      'process.updated',
      ADMIN,
      'process',
      OTHER,
      { ...process('Temp', false), stages: [] },
      {
        ...process('Temp renamed', false),
        stages: undefined,
      },
    ),
    'Admin renamed the process “Temp” to “Temp renamed”',
  ],
  [
    'process.updated (archived)',
    e(
      'process.updated',
      ADMIN,
      'process',
      OTHER,
      { ...process('Temp', false), stages: [] },
      {
        ...process('Temp', true),
        stages: undefined,
      },
    ),
    'Admin archived the process “Temp”',
  ],
  [
    'process.updated (restored, described)',
    e(
      'process.updated',
      ADMIN,
      'process',
      OTHER,
      { ...process('Temp', true), stages: [] },
      {
        ...process('Temp', false, 'For big deals'),
        stages: undefined,
      },
    ),
    'Admin restored the process “Temp” and changed its description',
  ],
  [
    'process.default_changed',
    e('process.default_changed', ADMIN, 'process', OTHER, process('Enterprise', false), {
      ...process('Enterprise', false),
      isDefault: true,
    }),
    'Admin made “Enterprise” the default process',
  ],
  [
    'process.deleted',
    e('process.deleted', ADMIN, 'process', OTHER, { ...process('Temp', false), stages: [] }),
    'Admin deleted the process “Temp”',
  ],
  [
    'process.stage_created',
    e('process.stage_created', ADMIN, 'process', OTHER, undefined, stage('Alpha', 10)),
    'Admin added the stage “Alpha” to a process',
  ],
  [
    'process.stage_updated',
    e(
      'process.stage_updated',
      ADMIN,
      'process',
      OTHER,
      stage('Beta', 10),
      stage('Beta', 40, ['notes', 'closeDate']),
    ),
    'Admin changed the stage “Beta”: win probability from 10% to 40% and required fields from none to notes and close date',
  ],
  [
    'process.stage_updated (renamed)',
    e('process.stage_updated', ADMIN, 'process', OTHER, stage('Alpha', 10), stage('Beta', 20)),
    'Admin renamed the stage “Alpha” to “Beta” and changed its win probability from 10% to 20%',
  ],
  [
    'process.stage_deleted',
    e('process.stage_deleted', ADMIN, 'process', OTHER, stage('Alpha', 10), {
      movedDeals: 3,
      movedTo: OTHER2,
    }),
    'Admin deleted the stage “Alpha” and moved its 3 deals to another stage',
  ],
  [
    'lost_reason.created',
    e('lost_reason.created', ADMIN, 'process', OTHER, undefined, { label: 'Price' }),
    'Admin added the lost reason “Price” to a process',
  ],
  [
    'lost_reason.archived',
    e('lost_reason.archived', ADMIN, 'process', OTHER, { label: 'Price' }),
    'Admin retired the lost reason “Price”',
  ],
  [
    'process.stages_reordered',
    e(
      'process.stages_reordered',
      ADMIN,
      'process',
      OTHER,
      { stageIds: [OTHER, OTHER2] },
      { stageIds: [OTHER2, OTHER] },
    ),
    'Admin reordered the stages of a process',
  ],
]

const people: Case[] = [
  [
    'user.invited',
    e('user.invited', ADMIN, 'invitation', OTHER, undefined, { email: 'bob@example.com', role: 'rep' }),
    'Admin invited bob@example.com as rep',
  ],
  [
    'invitation.revoked',
    e('invitation.revoked', ADMIN, 'invitation', OTHER, undefined, { email: 'bob@example.com' }),
    'Admin revoked the invitation for bob@example.com',
  ],
  [
    'user.created',
    e('user.created', CARL, 'user', CARL, undefined, {
      email: 'carl@example.com',
      role: 'rep',
      invitationId: OTHER,
      invitedBy: ADMIN,
    }),
    'Carl Rep joined as rep, invited by Admin',
  ],
  [
    'user.role_changed',
    e('user.role_changed', ADMIN, 'user', CARL, { role: 'rep' }, { role: 'manager' }),
    'Admin changed Carl Rep’s role from rep to manager',
  ],
  [
    'user.profile_updated (someone else)',
    e('user.profile_updated', ADMIN, 'user', CARL, { department: null }, { department: 'Sales' }),
    'Admin changed Carl Rep’s department from none to Sales',
  ],
  [
    'user.profile_updated (themself)',
    e(
      'user.profile_updated',
      ANA,
      'user',
      ANA,
      { name: 'Ana', phone: null, avatarUrl: null },
      { name: 'Ana Rep', phone: '555 0100', avatarUrl: 'https://example.com/a.png' },
    ),
    'Ana Rep changed their name from Ana to Ana Rep, phone from none to 555 0100 and photo',
  ],
  [
    'user.deactivated',
    e(
      'user.deactivated',
      ADMIN,
      'user',
      CARL,
      { status: 'active' },
      { status: 'deactivated', sessionsRevoked: 2, tokensRevoked: 1 },
    ),
    'Admin deactivated Carl Rep, ending 2 sessions and 1 API token',
  ],
  [
    'api_token.created',
    e('api_token.created', ANA, 'api_token', OTHER, undefined, {
      name: 'CI',
      prefix: 'aura_ab12',
      expiresAt: '2026-03-31T00:00:00.000Z',
    }),
    'Ana Rep created the API token “CI” (expires 31 Mar 2026)',
  ],
  [
    'api_token.revoked (someone else’s)',
    e('api_token.revoked', ADMIN, 'api_token', OTHER, { name: 'CI', ownerUserId: ANA }),
    'Admin revoked Ana Rep’s API token “CI”',
  ],
  [
    'api_token.revoked (their own)',
    e('api_token.revoked', ANA, 'api_token', OTHER, { name: 'CI', ownerUserId: ANA }),
    'Ana Rep revoked their API token “CI”',
  ],
]

const security: Case[] = [
  [
    'auth.step_up',
    e('auth.step_up', ADMIN, 'user', ADMIN),
    'Admin confirmed their identity with a one-time code',
  ],
  [
    'auth.password_reset_requested',
    e('auth.password_reset_requested', ANA, 'user', ANA),
    'Ana Rep asked for a password reset link',
  ],
  ['auth.password_reset', e('auth.password_reset', ANA, 'user', ANA), 'Ana Rep reset their password'],
  [
    'auth.login_failed (known user)',
    e('auth.login_failed', null, 'user', ANA),
    'Someone failed to sign in as Ana Rep',
  ],
  [
    'auth.login_failed (unknown address)',
    e('auth.login_failed', null, 'user', null),
    'Someone failed to sign in with an address that has no account here',
  ],
  [
    'security.cross_tenant_attempt',
    e('security.cross_tenant_attempt', GONE, 'user', null, undefined, {
      credential: 'token',
      fromTenantId: OTHER,
    }),
    'Someone tried to use an API token from another workspace here; it was refused',
  ],
  [
    'security.rls_violation',
    e('security.rls_violation', ANA, 'user', null, undefined, {
      method: 'PATCH',
      path: `/deals/${DEAL}`,
      refusal: `new row violates row-level security policy for table "deals" (${OTHER})`,
    }),
    'Ana Rep was refused by the database’s access rules (PATCH /deals/…)',
  ],
  [
    'security.not_found_burst',
    e('security.not_found_burst', ANA, 'user', null, undefined, {
      method: 'GET',
      path: `/contacts/${OTHER}`,
      notFoundInAMinute: 20,
      since: '2026-03-31T10:00:00.000Z',
    }),
    'Ana Rep asked for 20 missing records within a minute (GET /contacts/…)',
  ],
]

const workspace: Case[] = [
  [
    'workspace.updated',
    e(
      'workspace.updated',
      ADMIN,
      'tenant',
      TENANT,
      { companyName: 'Acme', retentionDays: null, timezone: 'UTC' },
      { companyName: 'Acme Ltd', retentionDays: 30, timezone: 'Europe/Paris' },
    ),
    'Admin changed the workspace’s company name from Acme to Acme Ltd, retention from none to 30 days and time zone from UTC to Europe/Paris',
  ],
  [
    'tenant.exported',
    e('tenant.exported', ADMIN, 'tenant', TENANT, undefined, { format: 'csv', entity: 'contacts' }),
    'Admin exported contacts as CSV',
  ],
  [
    'tenant.exported (everything)',
    e('tenant.exported', ADMIN, 'tenant', TENANT, undefined, { format: 'json', entity: 'all' }),
    'Admin exported all data as JSON',
  ],
  [
    'workspace.archived',
    e('workspace.archived', ADMIN, 'tenant', TENANT),
    'Admin downloaded the complete workspace archive',
  ],
  [
    'workspace.restored',
    e('workspace.restored', ADMIN, 'tenant', TENANT, undefined, {
      fromWorkspace: 'acme',
      exportedAt: '2026-03-30T18:00:00.000Z',
      rows: { users: 3, deals: 1200, contacts: 40 },
      matchedUsers: 2,
    }),
    'Admin restored the workspace from an archive of acme made 30 Mar 2026 (1,243 records)',
  ],
  [
    'workspace.restore_refused',
    e('workspace.restore_refused', ADMIN, 'tenant', TENANT, undefined, {
      code: 'validation_failed',
      problems: 3,
    }),
    'Admin tried to restore a workspace archive; it was refused (3 problems)',
  ],
  [
    'tenant.activated',
    e('tenant.activated', PLATFORM, 'tenant', TENANT, undefined, {
      slug: 'acme',
      adminUserId: ADMIN,
      processId: OTHER,
      companyName: 'Acme',
    }),
    'A platform administrator activated the workspace Acme with Admin as its admin',
  ],
  [
    'tenant.suspended',
    e('tenant.suspended', PLATFORM, 'tenant', TENANT, { status: 'active' }, { status: 'suspended' }),
    'A platform administrator suspended the workspace',
  ],
  [
    'tenant.resumed',
    e('tenant.resumed', PLATFORM, 'tenant', TENANT, { status: 'suspended' }, { status: 'active' }),
    'A platform administrator resumed the workspace',
  ],
  [
    'tenant.deleted',
    e('tenant.deleted', PLATFORM, 'tenant', TENANT, undefined, {
      from: 'active',
      purgeAfter: '2026-04-30T00:00:00.000Z',
      sessionsRevoked: 4,
      tokensRevoked: 1,
    }),
    'A platform administrator deleted the workspace; its data will be purged after 30 Apr 2026',
  ],
  [
    'custom_field.created',
    e('custom_field.created', ADMIN, 'custom_field', OTHER, undefined, {
      entity: 'contact',
      key: 'linkedin_url',
      type: 'text',
      options: [],
      required: false,
    }),
    'Admin added the text field linkedin_url to contacts',
  ],
  [
    'custom_field.deleted',
    e('custom_field.deleted', ADMIN, 'custom_field', OTHER, {
      entity: 'contact',
      key: 'linkedin_url',
      type: 'text',
    }),
    'Admin retired the custom field linkedin_url of contacts',
  ],
]

const unknown: Case[] = [
  ['an unknown verb', e('contact.archived', ADMIN, 'contact', OTHER), 'Admin archived a contact'],
  [
    'an unknown verb with an object',
    e('deal.lost_reason_set', ANA, 'deal', DEAL, { lostReasonId: null }, { lostReasonId: OTHER }),
    'Ana Rep set the lost reason of a deal',
  ],
  [
    'an unknown noun',
    e('api_token.rotation', ANA, 'api_token', OTHER),
    'Ana Rep did “rotation” on an API token',
  ],
  ['no entity', e('test.seeded', null, null, null), 'System seeded a test'],
  ['a workspace event', e('workspace.locked', ADMIN, 'tenant', TENANT), 'Admin locked the workspace'],
]

const groups = { deals, records, processes, people, security, workspace, unknown }
const all = Object.values(groups).flat()

describe('auditSentence', () => {
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      it.each(cases)('%s', (_label, entry, expected) => {
        expect(auditSentence(entry, ctx)).toBe(expected)
      })
    })
  }

  it('covers every action the API writes', () => {
    // The API's recordAudit calls (and security events), read from its source: a new action needs a case.
    const written = apiAuditActions()
    expect(written.length).toBeGreaterThan(50)
    const covered = new Set(all.map(([, entry]) => entry.action))
    expect(written.filter((a) => !covered.has(a))).toEqual([])
  })

  it('never shows a UUID, in any sentence, with or without names', () => {
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
    for (const [, entry] of all) {
      for (const c of [ctx, { names: {} }, { names: {}, currency: 'USD' }]) {
        const sentence = auditSentence(entry, c)
        expect(sentence, entry.action).not.toMatch(uuid)
        expect(sentence, entry.action).not.toMatch(/undefined|null|\[object|NaN|\{|—/)
      }
    }
  })

  it('even a UUID inside free text is hidden', () => {
    const entry = e('deal.deleted', ADMIN, 'deal', DEAL, { name: `Copy of ${OTHER}` })
    expect(auditSentence(entry, ctx)).toBe('Admin deleted the deal “Copy of …”')
  })

  it('says "System" when nobody was signed in and "Someone" for an actor it cannot name', () => {
    expect(auditSentence(e('deal.deleted', null, 'deal', DEAL, { name: 'X' }), ctx)).toBe(
      'System deleted the deal “X”',
    )
    expect(auditSentence(e('deal.deleted', GONE, 'deal', DEAL, { name: 'X' }), ctx)).toBe(
      'Someone deleted the deal “X”',
    )
    expect(auditSentence(e('contact.archived', GONE, 'contact', OTHER), { names: {} })).toBe(
      'Someone archived a contact',
    )
  })

  it('names a user it cannot find "a former member"', () => {
    expect(
      auditSentence(e('user.role_changed', ADMIN, 'user', GONE, { role: 'rep' }, { role: 'admin' }), ctx),
    ).toBe('Admin changed a former member’s role from rep to admin')
    expect(
      auditSentence(
        e('deal.updated', ADMIN, 'deal', DEAL, { assignedUserId: GONE }, { assignedUserId: ANA }),
        ctx,
      ),
    ).toBe('Admin changed owner from a former member to Ana Rep')
  })

  it('shows plain amounts without a currency, and a deal in its own currency', () => {
    const change = e('deal.updated', ADMIN, 'deal', DEAL, { amount: '100.00' }, { amount: '120.50' })
    expect(auditSentence(change, { names: ctx.names })).toBe('Admin changed amount from 100.00 to 120.50')
    expect(
      auditSentence(e('deal.created', ANA, 'deal', DEAL, undefined, { ...dealView, currency: 'USD' }), ctx),
    ).toBe('Ana Rep created the deal “Acme renewal” worth $1,200.00 in Proposal for Carl Rep')
  })

  it('keeps a sentence for an entry with no payload at all', () => {
    for (const [, entry] of all) {
      const bare = { ...entry, before: undefined, after: undefined }
      const sentence = auditSentence(bare, ctx)
      expect(sentence.length, entry.action).toBeGreaterThan(5)
      expect(sentence, entry.action).not.toMatch(/undefined|null|NaN/)
    }
  })
})

describe('changedFields', () => {
  it('lists what differs, custom fields one by one, bookkeeping left out', () => {
    expect(
      changedFields(
        { amount: '1.00', name: 'A', updatedAt: 'x', customFields: { a: 1, b: 2 } },
        { amount: '2.00', name: 'A', updatedAt: 'y', customFields: { a: 1, b: 3 } },
      ),
    ).toEqual([
      { field: 'amount', before: '1.00', after: '2.00' },
      { field: 'customFields.b', before: 2, after: 3 },
    ])
  })

  it('treats blank and missing alike, and a key only before as not sent', () => {
    expect(changedFields({ phone: '', email: 'a@b.c' }, { phone: null })).toEqual([])
    expect(changedFields(null, { cost: '1.00' })).toEqual([
      { field: 'cost', before: undefined, after: '1.00' },
    ])
  })
})

describe('labels', () => {
  it('reads field and record names as words', () => {
    expect(fieldLabel('closeDate')).toBe('close date')
    expect(fieldLabel('assignedUserId')).toBe('owner')
    expect(fieldLabel('customFields.linkedin_url')).toBe('linkedin url')
    expect(entityLabel('api_token')).toBe('API token')
    expect(entityLabel('tenant')).toBe('workspace')
    expect(entityLabel(null)).toBe('record')
  })
})
