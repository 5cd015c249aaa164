// Audit entries as short English sentences with people's names (issue 13): "Ana Rep moved the deal from
// Proposal to Won" instead of an event key, ids and JSON. Pure (no I/O, no clock), so the audit log and the
// deal page say the same thing. A user id anywhere becomes a name from ctx.names (or "a former member");
// ids of other records are left out; a sentence never carries a UUID.
import { formatDate, formatMoney } from './money.ts'

export interface AuditSentenceEntry {
  action: string
  actorUserId: string | null
  entityType: string | null
  entityId: string | null
  before?: unknown
  after?: unknown
}

export interface AuditSentenceContext {
  /** User id → display name (members of the workspace, deactivated ones included). */
  names: Record<string, string>
  /** The workspace currency (ISO 4217), for money fields; without it amounts show as plain numbers. */
  currency?: string
}

/** One changed field between two payloads; custom fields come one by one as `customFields.<key>`. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

type Obj = Record<string, unknown>

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/
const DECIMAL = /^-?\d+(\.\d+)?$/

const FORMER_MEMBER = 'a former member'

const LABELS: Record<string, string> = {
  assignedUserId: 'owner',
  assigneeUserId: 'assignee',
  dueAt: 'due date',
  ownerUserId: 'owner',
  createdBy: 'author',
  contactId: 'contact',
  organizationId: 'organization',
  parentId: 'parent organization',
  processId: 'process',
  stageId: 'stage',
  stageName: 'stage',
  lostReasonId: 'lost reason',
  closeDate: 'close date',
  finalAmount: 'final amount',
  unitPrice: 'unit price',
  listPrice: 'list price',
  extendedPrice: 'line total',
  defaultPrice: 'default price',
  lineItemsTotal: 'line items total',
  minimumAllowedPrice: 'minimum allowed price',
  maxDiscountPercent: 'maximum discount',
  marginTargetPercent: 'margin target',
  winProbability: 'win probability',
  requiredFields: 'required fields',
  companyName: 'company name',
  logoUrl: 'logo',
  avatarUrl: 'photo',
  retentionDays: 'retention',
  timezone: 'time zone',
  firstName: 'first name',
  lastName: 'last name',
  fullName: 'name',
  title: 'job title',
  isActive: 'active',
  isDefault: 'default',
  sku: 'SKU',
  email: 'email',
}

/** Fields whose value is a user: shown as that member's name. */
const USER_FIELDS = new Set([
  'assignedUserId',
  'assigneeUserId',
  'ownerUserId',
  'createdBy',
  'invitedBy',
  'adminUserId',
])
const MONEY_FIELDS = new Set([
  'amount',
  'finalAmount',
  'unitPrice',
  'listPrice',
  'extendedPrice',
  'defaultPrice',
  'cost',
  'lineItemsTotal',
  'minimumAllowedPrice',
])
const PERCENT_FIELDS = new Set(['probability', 'winProbability', 'maxDiscountPercent', 'marginTargetPercent'])
/** Long or noisy values: the sentence says the field changed, not what to. */
const NO_VALUE_FIELDS = new Set(['notes', 'description', 'logoUrl', 'avatarUrl'])
/** Bookkeeping that is never a change a person made. */
const IGNORED_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'archivedAt', 'position', 'stages'])

const ENTITY_LABELS: Record<string, string> = {
  tenant: 'workspace',
  workspace: 'workspace',
  api_token: 'API token',
  custom_field: 'custom field',
  line_item: 'line item',
}

/** "closeDate" → "close date"; a custom field key "linkedin_url" → "linkedin url". */
export function fieldLabel(field: string): string {
  if (field.startsWith('customFields.')) return words(field.slice('customFields.'.length))
  return LABELS[field] ?? words(field)
}

/** A record type as a noun: "api_token" → "API token", "tenant" → "workspace". */
export function entityLabel(type: string | null | undefined): string {
  if (!type) return 'record'
  return ENTITY_LABELS[type] ?? words(type)
}

/**
 * The fields that differ between before and after (either may be missing or not an object), in the
 * order they first appear; custom fields are compared key by key. Bookkeeping (ids, timestamps) is left out.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = asObj(before)
  const a = asObj(after)
  const out: FieldChange[] = []
  for (const key of unionKeys(b, a)) {
    if (IGNORED_FIELDS.has(key)) continue
    if (key === 'customFields') {
      const cb = asObj(b[key])
      const ca = asObj(a[key])
      for (const k of unionKeys(cb, ca)) {
        if (!same(cb[k], ca[k])) out.push({ field: `customFields.${k}`, before: cb[k], after: ca[k] })
      }
      continue
    }
    // A key only before: a partial payload (after lists what was sent), not a change to nothing.
    if (!(key in a)) continue
    if (!same(b[key], a[key])) out.push({ field: key, before: b[key], after: a[key] })
  }
  return out
}

/** A short English sentence for one audit entry, with names; never a UUID. */
export function auditSentence(entry: AuditSentenceEntry, ctx: AuditSentenceContext): string {
  const sentence = build(entry, ctx)
  // The last guard: a UUID that slipped in through free text (a path, a name) is not shown.
  return sentence.replace(UUID, '…')
}

// ----- building blocks

function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase()
}

function asObj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {}
}

function unionKeys(a: Obj, b: Obj): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v)
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && DECIMAL.test(v)) return Number(v)
  return null
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? ''
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

function article(noun: string): string {
  return /^[aeio]/i.test(noun) ? `an ${noun}` : `a ${noun}`
}

function clip(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

const quoted = (name: string) => `“${clip(name)}”`

interface Helpers {
  ctx: AuditSentenceContext
  currency: string | undefined
  /** A member's name, or "a former member". */
  person: (id: unknown) => string
  money: (v: unknown) => string
  date: (v: unknown) => string
  value: (field: string, v: unknown) => string | null
  changes: (list: FieldChange[]) => string
}

function helpers(ctx: AuditSentenceContext, before: Obj, after: Obj): Helpers {
  // A deal carries its own currency; otherwise the workspace's.
  const currency = str(after.currency) ?? str(before.currency) ?? ctx.currency
  const person = (id: unknown) => (typeof id === 'string' && ctx.names[id]) || FORMER_MEMBER
  const money = (v: unknown) => {
    const text = typeof v === 'number' ? String(v) : str(v)
    if (text === null) return 'none'
    if (!currency || !DECIMAL.test(text)) return text
    try {
      return formatMoney(text, currency)
    } catch {
      return text // an unknown currency code
    }
  }
  const date = (v: unknown) => {
    const text = str(v)
    if (!text) return 'none'
    return DATE.test(text) ? formatDate(text, 'en-GB') : clip(text)
  }
  const value = (field: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return 'none'
    if (USER_FIELDS.has(field)) return person(v)
    if (MONEY_FIELDS.has(field)) return money(v)
    if (PERCENT_FIELDS.has(field)) return num(v) === null ? String(v) : `${num(v)}%`
    if (field === 'retentionDays') return num(v) === null ? String(v) : plural(num(v) ?? 0, 'day')
    if (field === 'requiredFields' && Array.isArray(v))
      return v.length ? list(v.map((f) => fieldLabel(String(f)))) : 'none'
    if (typeof v === 'boolean') return v ? 'yes' : 'no'
    if (typeof v === 'number') return v.toLocaleString('en')
    if (typeof v === 'string') {
      if (v.match(UUID)) return null // another record's id: left out
      if (DATE.test(v)) return date(v)
      return clip(v)
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return 'none'
      if (v.every((x) => typeof x === 'string' || typeof x === 'number')) return clip(v.join(', '))
    }
    return null
  }
  const changes = (all: FieldChange[]) =>
    list(
      all.map(({ field, before: b, after: a }) => {
        const key = field.startsWith('customFields.') ? '' : field
        const label = fieldLabel(field)
        if (NO_VALUE_FIELDS.has(key) || (key.endsWith('Id') && !USER_FIELDS.has(key))) return label
        const from = value(key, b)
        const to = value(key, a)
        return from === null || to === null ? label : `${label} from ${from} to ${to}`
      }),
    )
  return { ctx, currency, person, money, date, value, changes }
}

/** Who did it: a member's name; "System" when nobody was signed in; "Someone" for an id we cannot name. */
function actorName(entry: AuditSentenceEntry, ctx: AuditSentenceContext): string {
  if (!entry.actorUserId) return 'System'
  return ctx.names[entry.actorUserId] || 'Someone'
}

// ----- the sentences, by action

type Build = (e: AuditSentenceEntry, x: Helpers & { actor: string; before: Obj; after: Obj }) => string

const possessive = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`)

/** "Ben Manager changed the contact’s …"; a deal's fields read "changed amount from …" (the deal is implied). */
const changedSentence =
  (whose: string, fallback: string): Build =>
  (_e, x) => {
    const all = changedFields(x.before, x.after)
    if (all.length === 0) return `${x.actor} ${fallback}`
    return `${x.actor} changed ${whose ? `${whose} ` : ''}${x.changes(all)}`
  }

const reassigned =
  (noun: string): Build =>
  (_e, x) => {
    const name = (id: unknown) => (id ? x.person(id) : 'nobody')
    return `${x.actor} reassigned the ${noun} from ${name(x.before.assignedUserId)} to ${name(x.after.assignedUserId)}`
  }

/** The user an entry is about, from the point of view of its actor ("their" when it is themself). */
const aboutUser = (e: AuditSentenceEntry, x: Helpers) => ({
  self: !!e.entityId && e.entityId === e.actorUserId,
  name: x.person(e.entityId),
})

/** "merged the contact “Bob S.” into this one", from a merge's audit row (ADR 0172). */
const merged = (noun: string, x: Helpers & { actor: string; before: Obj; after: Obj }) => {
  const other = asObj(x.before.other)
  const name = str(other.fullName) ?? str(other.name) ?? str(other.email)
  return `${x.actor} merged ${name ? `the ${noun} ${quoted(name)}` : `another ${noun}`} into this one`
}

const line = (x: { before: Obj; after: Obj }) => str(x.after.sku) ?? str(x.before.sku)

const SENTENCES: Record<string, Build> = {
  // Deals
  'deal.created': (e, x) => {
    const name = str(x.after.name)
    const amount = num(x.after.amount)
    const stage = str(x.after.stageName)
    const owner = x.after.assignedUserId
    return [
      `${x.actor} created the deal${name ? ` ${quoted(name)}` : ''}`,
      amount !== null && amount !== 0 ? ` worth ${x.money(x.after.amount)}` : '',
      stage ? ` in ${stage}` : '',
      owner && owner !== e.actorUserId ? ` for ${x.person(owner)}` : '',
    ].join('')
  },
  'deal.updated': changedSentence('', 'edited the deal'),
  'deal.reassigned': reassigned('deal'),
  'deal.deleted': (_e, x) => {
    const name = str(x.before.name)
    return `${x.actor} deleted the deal${name ? ` ${quoted(name)}` : ''}`
  },
  'deal.stage_changed': (_e, x) => {
    const from = str(x.before.stageName)
    const to = str(x.after.stageName)
    const reason = str(x.after.lostReason)
    const move = from && to ? ` from ${from} to ${to}` : to ? ` to ${to}` : ''
    return `${x.actor} moved the deal${move}${reason ? ` (reason: ${clip(reason)})` : ''}`
  },
  'deal.process_changed': (_e, x) => {
    const from = str(x.before.stageName)
    const to = str(x.after.stageName)
    return `${x.actor} moved the deal to another process${from && to ? `, from ${from} to ${to}` : ''}`
  },
  'deal.reopened': (_e, x) => {
    const from = str(x.before.stageName)
    const to = str(x.after.stageName)
    return `${x.actor} reopened the deal${from && to ? `, moving it from ${from} to ${to}` : ''}`
  },
  'deal.lost_reason_changed': (_e, x) => {
    const reason = str(x.after.lostReason)
    return reason
      ? `${x.actor} set the reason the deal was lost to ${clip(reason)}`
      : `${x.actor} changed the reason the deal was lost`
  },
  'deal.line_item_added': (_e, x) => {
    const qty = num(x.after.quantity)
    const what = line(x) ?? 'a product'
    const price = x.after.unitPrice != null ? ` at ${x.money(x.after.unitPrice)}` : ''
    return `${x.actor} added ${qty !== null ? `${qty.toLocaleString('en')} × ` : ''}${what}${price} to the deal`
  },
  'deal.line_item_removed': (_e, x) => {
    const qty = num(x.before.quantity)
    const what = line(x) ?? 'a product'
    return `${x.actor} removed ${qty !== null ? `${qty.toLocaleString('en')} × ` : ''}${what} from the deal`
  },
  'deal.line_item_quantity_changed': (_e, x) => {
    const what = line(x)
    const from = num(x.before.quantity)
    const to = num(x.after.quantity)
    return `${x.actor} changed the quantity of ${what ?? 'a product'}${
      from !== null && to !== null ? ` from ${from.toLocaleString('en')} to ${to.toLocaleString('en')}` : ''
    }`
  },
  'deal.line_item_price_overridden': (_e, x) => {
    const what = line(x)
    const below = x.after.belowPolicy === true
    const min = x.after.minimumAllowedPrice
    return [
      `${x.actor} changed the price of ${what ?? 'a product'} on the deal`,
      ` from ${x.money(x.before.unitPrice)} to ${x.money(x.after.unitPrice)}`,
      below ? `, below the discount policy${min != null ? ` (minimum ${x.money(min)})` : ''}` : '',
    ].join('')
  },

  // Contacts, organizations, activities
  'contact.created': (e, x) => {
    const email = str(x.after.email)
    const owner = x.after.assignedUserId
    return [
      `${x.actor} created a contact`,
      email ? ` (${clip(email)})` : '',
      owner && owner !== e.actorUserId ? ` for ${x.person(owner)}` : '',
    ].join('')
  },
  'contact.updated': changedSentence('the contact’s', 'edited a contact'),
  'contact.reassigned': reassigned('contact'),
  'contact.deleted': (_e, x) => {
    const name = str(x.before.fullName) ?? str(x.before.email)
    return name ? `${x.actor} deleted the contact ${clip(name)}` : `${x.actor} deleted a contact`
  },
  'contact.personal_data_exported': (_e, x) => `${x.actor} downloaded a contact’s personal data`,
  'contact.erased': (_e, x) => {
    const activities = num(x.after.activitiesDeleted) ?? 0
    return `${x.actor} erased a contact and their personal data${
      activities > 0 ? ` (with ${plural(activities, 'activity', 'activities')})` : ''
    }`
  },
  'organization.created': (_e, x) => {
    const name = str(x.after.name)
    return `${x.actor} created the organization${name ? ` ${quoted(name)}` : ''}`
  },
  'organization.updated': changedSentence('the organization’s', 'edited an organization'),
  'organization.deleted': (_e, x) => {
    const name = str(x.before.name)
    return name ? `${x.actor} deleted the organization ${quoted(name)}` : `${x.actor} deleted an organization`
  },
  'activity.deleted': (_e, x) => {
    const type = str(x.before.type)
    return `${x.actor} archived ${article(type ? words(type) : 'activity')}`
  },
  'task.created': (e, x) => {
    const subject = str(x.after.subject)
    const assignee = x.after.assigneeUserId
    return [
      `${x.actor} planned ${subject ? quoted(subject) : 'a task'}`,
      assignee && assignee !== e.actorUserId ? ` for ${x.person(assignee)}` : '',
      x.after.dueAt ? `, due ${x.value('dueAt', x.after.dueAt)}` : '',
    ].join('')
  },
  'task.updated': changedSentence('the task’s', 'edited a task'),
  'task.completed': (_e, x) => {
    const subject = str(x.after.subject)
    return `${x.actor} completed ${subject ? quoted(subject) : 'a task'}`
  },
  'task.deleted': (_e, x) => {
    const subject = str(x.before.subject)
    return `${x.actor} deleted the task${subject ? ` ${quoted(subject)}` : ''}`
  },

  // Duplicates (ADR 0172): the other record's name is in `before.other`, the moved rows in `after.moved`.
  'contact.merged': (_e, x) => merged('contact', x),
  'contact.merge_undone': (_e, x) => `${x.actor} undid a merge of contacts`,
  'organization.merged': (_e, x) => merged('organization', x),
  'organization.merge_undone': (_e, x) => `${x.actor} undid a merge of organizations`,

  // Products
  'product.created': (_e, x) => {
    const name = str(x.after.name)
    const sku = str(x.after.sku)
    return `${x.actor} created the product${name ? ` ${quoted(name)}` : ''}${sku ? ` (${clip(sku)})` : ''}`
  },
  'product.updated': changedSentence('the product’s', 'edited a product'),
  'product.activated': (_e, x) => `${x.actor} activated a product`,
  'product.deactivated': (_e, x) => `${x.actor} deactivated a product`,
  'product.pricing_changed': (_e, x) => {
    if (Object.keys(x.before).length === 0) {
      const set = Object.entries(x.after)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `${fieldLabel(k)} ${x.value(k, v)}`)
      return `${x.actor} set the product’s pricing${set.length ? `: ${list(set)}` : ''}`
    }
    return changedSentence('the product’s', 'saved the product’s pricing unchanged')(_e, x)
  },

  // Processes and stages
  'process.created': (_e, x) => {
    const name = str(x.after.name)
    const stages = Array.isArray(x.after.stages) ? x.after.stages.length : null
    return `${x.actor} created the process${name ? ` ${quoted(name)}` : ''}${
      stages !== null ? ` with ${plural(stages, 'stage')}` : ''
    }`
  },
  'process.updated': (_e, x) => {
    const oldName = str(x.before.name)
    const newName = str(x.after.name) ?? oldName
    const the = newName ? `the process ${quoted(newName)}` : 'a process'
    const parts: string[] = []
    if (oldName && newName && oldName !== newName)
      parts.push(`renamed the process ${quoted(oldName)} to ${quoted(newName)}`)
    if (x.before.archived === false && x.after.archived === true) parts.push(`archived ${the}`)
    if (x.before.archived === true && x.after.archived === false) parts.push(`restored ${the}`)
    if (!same(x.before.description, x.after.description) && 'description' in x.after)
      parts.push(parts.length ? 'changed its description' : `changed the description of ${the}`)
    return parts.length ? `${x.actor} ${list(parts)}` : `${x.actor} saved ${the}`
  },
  'process.default_changed': (_e, x) => {
    const name = str(x.after.name) ?? str(x.before.name)
    return `${x.actor} made ${name ? quoted(name) : 'a process'} the default process`
  },
  'process.deleted': (_e, x) => {
    const name = str(x.before.name)
    return `${x.actor} deleted the process${name ? ` ${quoted(name)}` : ''}`
  },
  'process.stage_created': (_e, x) => {
    const name = str(x.after.name)
    return `${x.actor} added the stage${name ? ` ${quoted(name)}` : ''} to a process`
  },
  'process.stage_updated': (_e, x) => {
    const oldName = str(x.before.name)
    const newName = str(x.after.name) ?? oldName
    const rest = changedFields(x.before, x.after).filter((c) => c.field !== 'name' && c.field !== 'processId')
    const parts: string[] = []
    if (oldName && newName && oldName !== newName)
      parts.push(`renamed the stage ${quoted(oldName)} to ${quoted(newName)}`)
    const renamed = parts.length > 0
    const stage = renamed ? 'its' : newName ? `the stage ${quoted(newName)}:` : 'a stage’s'
    if (rest.length) parts.push(`changed ${stage} ${x.changes(rest)}`)
    return parts.length
      ? `${x.actor} ${list(parts)}`
      : `${x.actor} saved the stage${newName ? ` ${quoted(newName)}` : ''}`
  },
  'process.stage_deleted': (_e, x) => {
    const name = str(x.before.name)
    const moved = num(x.after.movedDeals) ?? 0
    return `${x.actor} deleted the stage${name ? ` ${quoted(name)}` : ''}${
      moved > 0 ? ` and moved its ${plural(moved, 'deal')} to another stage` : ''
    }`
  },
  'lost_reason.created': (_e, x) => {
    const label = str(x.after.label)
    return `${x.actor} added the lost reason${label ? ` ${quoted(label)}` : ''} to a process`
  },
  'lost_reason.archived': (_e, x) => {
    const label = str(x.before.label)
    return `${x.actor} retired the lost reason${label ? ` ${quoted(label)}` : ''}`
  },
  'process.stages_reordered': (_e, x) => `${x.actor} reordered the stages of a process`,

  // People, invitations, tokens
  'user.invited': (_e, x) => {
    const email = str(x.after.email)
    const role = str(x.after.role)
    return `${x.actor} invited ${email ? clip(email) : 'someone'}${role ? ` as ${words(role)}` : ''}`
  },
  'invitation.revoked': (_e, x) => {
    const email = str(x.after.email) ?? str(x.before.email)
    return `${x.actor} revoked the invitation${email ? ` for ${clip(email)}` : ''}`
  },
  'user.created': (e, x) => {
    const who = (e.actorUserId && x.ctx.names[e.actorUserId]) || str(x.after.email) || 'Someone'
    const role = str(x.after.role)
    const by = x.after.invitedBy
    return `${clip(who)} joined${role ? ` as ${words(role)}` : ''}${by ? `, invited by ${x.person(by)}` : ''}`
  },
  'user.role_changed': (e, x) => {
    const u = aboutUser(e, x)
    const from = str(x.before.role)
    const to = str(x.after.role)
    return `${x.actor} changed ${u.self ? 'their' : possessive(u.name)} role${
      from && to ? ` from ${words(from)} to ${words(to)}` : ''
    }`
  },
  'user.profile_updated': (e, x) => {
    const u = aboutUser(e, x)
    return changedSentence(
      u.self ? 'their' : possessive(u.name),
      `edited ${u.self ? 'their' : possessive(u.name)} profile`,
    )(e, x)
  },
  'user.deactivated': (e, x) => {
    const sessions = num(x.after.sessionsRevoked) ?? 0
    const tokens = num(x.after.tokensRevoked) ?? 0
    const ended = [
      sessions > 0 ? plural(sessions, 'session') : '',
      tokens > 0 ? plural(tokens, 'API token') : '',
    ].filter(Boolean)
    return `${x.actor} deactivated ${x.person(e.entityId)}${ended.length ? `, ending ${list(ended)}` : ''}`
  },
  'api_token.created': (_e, x) => {
    const name = str(x.after.name)
    const expires = str(x.after.expiresAt)
    return `${x.actor} created the API token${name ? ` ${quoted(name)}` : ''}${
      expires ? ` (expires ${x.date(expires)})` : ' (no expiry)'
    }`
  },
  'api_token.revoked': (e, x) => {
    const name = str(x.before.name)
    const owner = x.before.ownerUserId
    const whose = !owner ? 'an' : owner === e.actorUserId ? 'their' : possessive(x.person(owner))
    return `${x.actor} revoked ${whose} API token${name ? ` ${quoted(name)}` : ''}`
  },

  // Sign-in and security
  'auth.step_up': (_e, x) => `${x.actor} confirmed their identity with a one-time code`,
  'auth.password_reset_requested': (_e, x) => `${x.actor} asked for a password reset link`,
  'auth.password_reset': (_e, x) => `${x.actor} reset their password`,
  'auth.login_failed': (e, x) =>
    e.entityId
      ? `Someone failed to sign in as ${x.person(e.entityId)}`
      : 'Someone failed to sign in with an address that has no account here',
  'security.cross_tenant_attempt': (e, x) => {
    const via = x.after.credential === 'token' ? 'an API token' : 'a session'
    const who = e.actorUserId ? x.actor : 'Someone'
    return `${who} tried to use ${via} from another workspace here; it was refused`
  },
  'security.rls_violation': (_e, x) =>
    `${x.actor} was refused by the database’s access rules${request(x.after)}`,
  'security.not_found_burst': (_e, x) => {
    const n = num(x.after.notFoundInAMinute)
    return `${x.actor} asked for ${n !== null ? plural(n, 'missing record') : 'many missing records'} within a minute${request(x.after)}`
  },

  // The workspace
  'workspace.updated': changedSentence('the workspace’s', 'saved the workspace settings'),
  'workspace.archived': (_e, x) => `${x.actor} downloaded the complete workspace archive`,
  'workspace.restored': (_e, x) => {
    const from = str(x.after.fromWorkspace)
    const at = str(x.after.exportedAt)
    const rows = Object.values(asObj(x.after.rows)).reduce<number>((s, v) => s + (num(v) ?? 0), 0)
    return [
      `${x.actor} restored the workspace from an archive`,
      from ? ` of ${clip(from)}` : '',
      at ? ` made ${x.date(at)}` : '',
      rows > 0 ? ` (${plural(rows, 'record')})` : '',
    ].join('')
  },
  'workspace.restore_refused': (_e, x) => {
    const problems = num(x.after.problems) ?? 0
    return `${x.actor} tried to restore a workspace archive; it was refused${
      problems > 0 ? ` (${plural(problems, 'problem')})` : ''
    }`
  },
  'tenant.exported': (_e, x) => {
    const what = str(x.after.entity)
    const format = str(x.after.format)
    return `${x.actor} exported ${!what || what === 'all' ? 'all data' : words(what)}${
      format ? ` as ${format.toUpperCase()}` : ''
    }`
  },
  'tenant.activated': (_e, x) => {
    const company = str(x.after.companyName)
    const admin = x.after.adminUserId
    return `${platform(x)} activated the workspace${company ? ` ${clip(company)}` : ''}${
      admin ? ` with ${x.person(admin)} as its admin` : ''
    }`
  },
  'tenant.suspended': (_e, x) => `${platform(x)} suspended the workspace`,
  'tenant.resumed': (_e, x) => `${platform(x)} resumed the workspace`,
  'tenant.deleted': (_e, x) => {
    const purge = str(x.after.purgeAfter)
    return `${platform(x)} deleted the workspace${purge ? `; its data will be purged after ${x.date(purge)}` : ''}`
  },

  // Custom fields
  'custom_field.created': (_e, x) => {
    const type = str(x.after.type)
    const key = str(x.after.key)
    const entity = str(x.after.entity)
    return `${x.actor} added the ${type ? `${words(type)} ` : ''}field ${key ? clip(key) : ''}${
      entity ? ` to ${words(entity)}s` : ''
    }`.replace(/ {2,}/g, ' ')
  },
  'custom_field.deleted': (_e, x) => {
    const key = str(x.before.key)
    const entity = str(x.before.entity)
    return `${x.actor} retired the custom field${key ? ` ${clip(key)}` : ''}${entity ? ` of ${words(entity)}s` : ''}`
  },
}

/** Workspace lifecycle is done by the platform's staff, who are not members. */
function platform(x: { actor: string }): string {
  return x.actor === 'Someone' ? 'A platform administrator' : x.actor
}

/** " (POST /deals/…/line-items)", ids left out; "" when the payload names no request. */
function request(details: Obj): string {
  const method = str(details.method)
  const path = str(details.path)
  if (!path) return ''
  return ` (${method ? `${method} ` : ''}${clip(path.replace(UUID, '…'), 60)})`
}

/** Anything not listed above: "<actor> <verb from the key> <entity>", e.g. "Admin archived a contact". */
function fallback(e: AuditSentenceEntry, actor: string): string {
  const dot = e.action.indexOf('.')
  const prefix = dot > 0 ? e.action.slice(0, dot) : ''
  const key = (dot > 0 ? e.action.slice(dot + 1) : e.action).replace(UUID, '')
  const entity = entityLabel(e.entityType ?? (prefix || null))
  const target = entity === 'workspace' ? 'the workspace' : article(entity)
  const parts = words(key).split(' ').filter(Boolean)
  const verb = parts[parts.length - 1]
  if (verb && /(ed|set|sent|made|done|run|begun|undone)$/.test(verb)) {
    const object = parts.slice(0, -1).join(' ')
    return object ? `${actor} ${verb} the ${object} of ${target}` : `${actor} ${verb} ${target}`
  }
  return `${actor} did “${parts.join(' ') || 'something'}” on ${target}`
}

function build(entry: AuditSentenceEntry, ctx: AuditSentenceContext): string {
  const before = asObj(entry.before)
  const after = asObj(entry.after)
  const actor = actorName(entry, ctx)
  const make = SENTENCES[entry.action]
  if (!make) return fallback(entry, actor)
  return make(entry, { ...helpers(ctx, before, after), actor, before, after })
}
