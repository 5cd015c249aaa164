// The read queries the API runs, as calls of the real services, for one generated tenant: every list, board
// column, filter, search, lookup and summary. The plan guards (plans.test.ts) EXPLAIN what they send as
// admin, manager and rep; the benchmark replays the same statements through pgbench as its raw-SQL baseline.
// query-services.ts says, for every exported service function that takes a transaction, which case runs it
// or why none does, so a service added later without a case fails the guard (plans.test.ts compares it with
// the source).
import type { Role, Tx } from '@aura/db'
import { encodeCursor } from '../src/lib/pagination.ts'
import { listActivities } from '../src/services/activities/list-activities.ts'
import { listContactTimeline } from '../src/services/activities/list-contact-timeline.ts'
import { listAuditLog } from '../src/services/audit/list-audit-log.ts'
import { findContact } from '../src/services/contacts/contact-view.ts'
import { listContacts } from '../src/services/contacts/list-contacts.ts'
import { listCustomFields } from '../src/services/custom-fields/list-custom-fields.ts'
import { getDeal } from '../src/services/deals/deal-view.ts'
import { withFirstDealsPerStage } from '../src/services/deals/first-deals-per-stage.ts'
import { listDealHistory } from '../src/services/deals/list-deal-history.ts'
import { listDeals } from '../src/services/deals/list-deals.ts'
import { summarizePipeline } from '../src/services/deals/summarize-pipeline.ts'
import { listDuplicates } from '../src/services/duplicates/find-duplicates.ts'
import { getInsight } from '../src/services/insight/insight.ts'
import { listInvitations } from '../src/services/invitations/list-invitations.ts'
import { listLineItems } from '../src/services/line-items/list-line-items.ts'
import {
  countUnread,
  listNotifications,
  listUnreadSince,
} from '../src/services/notifications/notifications.ts'
import { listOrganizations } from '../src/services/organizations/list-organizations.ts'
import { loadOrganization } from '../src/services/organizations/organization-view.ts'
import { listLostReasons } from '../src/services/processes/lost-reasons.ts'
import { getProcess, listProcesses } from '../src/services/processes/process-view.ts'
import { listPriceHistory } from '../src/services/products/list-price-history.ts'
import { listProducts } from '../src/services/products/list-products.ts'
import { findVisibleProduct } from '../src/services/products/product-view.ts'
import { listSavedViews } from '../src/services/saved-views/saved-views.ts'
import { listTasks } from '../src/services/tasks/tasks.ts'
import { listApiTokens } from '../src/services/tokens/api-tokens.ts'
import { listUsers } from '../src/services/users/list-users.ts'
import { getWorkspace } from '../src/services/workspace/get-workspace.ts'
import { ctxOf, type TenantFacts } from './query-facts.ts'

export { boardCursor, ctxOf, type TenantFacts, tenantFacts } from './query-facts.ts'

export const LIMIT = 25
/** Rows a list statement may read: 20 per row it may return. */
export const PAGE_BOUND = 20 * LIMIT
/** Rows a list of a tenant's catalogue (products: hundreds) may read: the whole catalogue and its page. */
export const CATALOGUE_BOUND = 1_000
/**
 * Rows insight may read: summary rows, never deals — months × processes × outcomes × owners of the close
 * totals and stages × owners of the stage totals (ADR 0170).
 */
export const INSIGHT_BOUND = 5_000
/** Rows a lookup of one record (and its few children) may read. */
export const LOOKUP_BOUND = 100

export interface QueryCase {
  name: string
  /** The service function whose statements the case captures (see SERVICES). */
  service: string
  /** Rows each statement may read (scan nodes, every loop); PAGE_BOUND unless said. */
  bound?: number
  /**
   * Why this case is expected to exceed its bound on the big tenant (for `roles`, or every role) until other
   * work lands: the guard then expects the excess, and fails once it is gone so the mark gets removed.
   */
  pending?: { reason: string; roles?: Role[] }
  run: (tx: Tx) => Promise<unknown>
}

/** Cursors of deeper pages (walked as the manager): a page N cost the same as page 1. */
export interface DeepCursors {
  list?: string
  board?: string
}

const deals = { limit: LIMIT, sort: 'updatedAt', direction: 'desc' } as const

/** Every read query, as it runs for any role (RLS decides what each sees). */
export function queryCases(f: TenantFacts, deep: DeepCursors = {}): QueryCase[] {
  const t = f.tenantId
  const board = { ...deals, processId: f.processId, stageId: f.stageId }
  const caller = { ...ctxOf(f), userId: f.manager.id, role: f.manager.role, requestId: 'plans' } as const
  const c = (name: string, service: string, run: QueryCase['run'], more: Partial<QueryCase> = {}) => ({
    name,
    service,
    run,
    ...more,
  })
  return [
    c('deals list (default sort)', 'listDeals', (tx) => listDeals(tx, deals)),
    c('deals list page N (cursor)', 'listDeals', (tx) => listDeals(tx, { ...deals, cursor: deep.list })),
    c('deals board column (process + stage)', 'listDeals', (tx) => listDeals(tx, board)),
    c('deals board column page N (cursor)', 'listDeals', (tx) =>
      listDeals(tx, { ...board, cursor: deep.board }),
    ),
    // The board's first page of a column inside the summary call (ADR 0106): 8 cards, read like a column.
    c(
      'board first cards of a stage',
      'withFirstDealsPerStage',
      (tx) => withFirstDealsPerStage(tx, { processId: f.processId, stages: [{ stageId: f.stageId }] }, 8),
      { bound: 20 * 8 },
    ),
    c('deals by process', 'listDeals', (tx) => listDeals(tx, { ...deals, processId: f.processId })),
    c('deals by owner', 'listDeals', (tx) => listDeals(tx, { ...deals, assignedUserId: f.ownerId })),
    c('deals by contact', 'listDeals', (tx) =>
      listDeals(tx, { ...deals, limit: 50, contactId: f.contactWithDeals }),
    ),
    c('deals by organization', 'listDeals', (tx) =>
      listDeals(tx, { ...deals, organizationId: f.organizationId }),
    ),
    c('deals by status (won)', 'listDeals', (tx) => listDeals(tx, { ...deals, status: 'won' })),
    c('deals by status + close date', 'listDeals', (tx) =>
      listDeals(tx, {
        limit: LIMIT,
        sort: 'closeDate',
        direction: 'asc',
        status: 'open',
        closeDateFrom: '2026-01-01',
        closeDateTo: '2026-06-30',
      }),
    ),
    c(
      'open deals of an owner by close date (dashboard)',
      'listDeals',
      (tx) =>
        listDeals(tx, {
          limit: 5,
          sort: 'closeDate',
          direction: 'asc',
          assignedUserId: f.ownerId,
          status: 'open',
        }),
      { bound: 20 * 5 },
    ),
    c('deals by amount', 'listDeals', (tx) => listDeals(tx, { ...deals, sort: 'amount' })),
    c('deals by creation, oldest first', 'listDeals', (tx) =>
      listDeals(tx, { ...deals, sort: 'createdAt', direction: 'asc' }),
    ),
    c('deals search: a common word', 'listDeals', (tx) => listDeals(tx, { ...deals, q: f.search.deal })),
    c('deal by id', 'getDeal', (tx) => getDeal(tx, f.dealId), { bound: LOOKUP_BOUND }),
    c(
      'deal by id with its lines',
      'getDeal',
      (tx) => getDeal(tx, f.dealId, { lineItems: 25, role: caller.role }),
      {
        bound: LOOKUP_BOUND,
      },
    ),
    c('deal history', 'listDealHistory', (tx) => listDealHistory(tx, f.dealId), { bound: LOOKUP_BOUND }),
    c(
      'deal line items',
      'listLineItems',
      (tx) => listLineItems(tx, { actor: caller, dealId: f.dealId, input: { limit: 100 } }),
      {
        bound: LOOKUP_BOUND,
      },
    ),
    // Reads the stage totals, never deals: stages × (users + 1) rows for a lead, 2 × stages for a rep
    // (pipeline-summary-plan.test.ts holds it to exactly that; ADR 0105).
    c('pipeline summary (biggest process)', 'summarizePipeline', (tx) => summarizePipeline(tx, f.processId)),
    c('contacts list', 'listContacts', (tx) => listContacts(tx, t, { limit: LIMIT })),
    c('contacts by owner', 'listContacts', (tx) =>
      listContacts(tx, t, { limit: LIMIT, assignedUserId: f.ownerId }),
    ),
    c('contacts by organization', 'listContacts', (tx) =>
      listContacts(tx, t, { limit: LIMIT, organizationId: f.organizationId }),
    ),
    c('contacts search: name', 'listContacts', (tx) =>
      listContacts(tx, t, { q: f.search.name, limit: LIMIT }),
    ),
    c('contacts search: misspelled name', 'listContacts', (tx) =>
      listContacts(tx, t, { q: f.search.typo, limit: LIMIT }),
    ),
    c('contacts search: common fragment', 'listContacts', (tx) =>
      listContacts(tx, t, { q: f.search.common, limit: LIMIT }),
    ),
    c('contacts search: email', 'listContacts', (tx) =>
      listContacts(tx, t, { q: f.search.email, limit: LIMIT }),
    ),
    c('contacts search: phone', 'listContacts', (tx) =>
      listContacts(tx, t, { q: f.search.phone, limit: LIMIT }),
    ),
    c('contacts search: company', 'listContacts', (tx) =>
      listContacts(tx, t, { q: f.search.org, limit: LIMIT }),
    ),
    c('contact by id', 'findContact', (tx) => findContact(tx, t, f.contactWithActivities), {
      bound: LOOKUP_BOUND,
    }),
    c('organizations list', 'listOrganizations', (tx) => listOrganizations(tx, t, { limit: LIMIT })),
    c('organizations search', 'listOrganizations', (tx) =>
      listOrganizations(tx, t, { q: f.search.org, limit: LIMIT }),
    ),
    c('organizations by parent', 'listOrganizations', (tx) =>
      listOrganizations(tx, t, { parentId: f.parentOrganizationId, limit: LIMIT }),
    ),
    c('organizations by ids (a deals page names them)', 'listOrganizations', (tx) =>
      listOrganizations(tx, t, { ids: f.parentOrganizationId, limit: LIMIT }),
    ),
    c('organization by id', 'loadOrganization', (tx) => loadOrganization(tx, t, f.parentOrganizationId), {
      bound: LOOKUP_BOUND,
    }),
    c('activities by contact', 'listActivities', (tx) =>
      listActivities(tx, t, { contactId: f.contactWithActivities, limit: LIMIT }),
    ),
    c('activities by deal', 'listActivities', (tx) =>
      listActivities(tx, t, { dealId: f.dealId, limit: LIMIT }),
    ),
    c('recent activities (dashboard)', 'listActivities', (tx) => listActivities(tx, t, { limit: 5 }), {
      bound: 20 * 5,
    }),
    // GET /activities: a rep's page through activity_owners (ADR 0102); with a type, past their own other types.
    c('activities list (newest first)', 'listActivities', (tx) => listActivities(tx, t, { limit: LIMIT })),
    c('activities list by type', 'listActivities', (tx) =>
      listActivities(tx, t, { type: 'call', limit: LIMIT }),
    ),
    // The deal page's timeline (issue 13): one deal's activities on its (tenant_id, deal_id, occurred_at) index.
    c('activities of one deal', 'listActivities', (tx) =>
      listActivities(tx, t, { dealId: f.dealId, limit: LIMIT }),
    ),
    c('contact timeline', 'listContactTimeline', (tx) =>
      listContactTimeline(tx, { tenantId: t, contactId: f.contactWithActivities, page: { limit: LIMIT } }),
    ),
    c('users', 'listUsers', (tx) => listUsers(tx, { limit: LIMIT })),
    c('audit log', 'listAuditLog', (tx) => listAuditLog(tx, { limit: LIMIT })),
    c('invitations', 'listInvitations', (tx) => listInvitations(tx, { limit: LIMIT })),
    c('api tokens', 'listApiTokens', (tx) => listApiTokens(tx, { userId: f.manager.id })),
    c('custom fields', 'listCustomFields', (tx) => listCustomFields(tx, t)),
    c('workspace', 'getWorkspace', (tx) => getWorkspace(tx), { bound: LOOKUP_BOUND }),
    c('processes with stages', 'listProcesses', (tx) => listProcesses(tx, false)),
    c('process by id', 'getProcess', (tx) => getProcess(tx, f.processId), { bound: LOOKUP_BOUND }),
    c('lost reasons of a process', 'listLostReasons', (tx) => listLostReasons(tx, f.processId), {
      bound: LOOKUP_BOUND,
    }),
    // A catalogue is hundreds of products, not a tenant's deals: with statistics of an average tenant (here
    // ~17 products) the planner may read the big tenant's 500 and sort them rather than walk the name
    // index; on the standard data (aura_bench, ~55 per tenant) it walks the index (26 rows). Either way
    // the blueprints are read by key for the page only (list-products.ts).
    c('products', 'listProducts', (tx) => listProducts(tx, caller, { limit: LIMIT }), {
      bound: CATALOGUE_BOUND,
    }),
    c(
      'products, active only (as a rep lists them)',
      'listProducts',
      (tx) => listProducts(tx, { ...caller, role: 'rep' }, { limit: LIMIT }),
      { bound: CATALOGUE_BOUND },
    ),
    c('product by id', 'findVisibleProduct', (tx) => findVisibleProduct(tx, caller, f.productId), {
      bound: LOOKUP_BOUND,
    }),
    c('saved views of the deals list', 'listSavedViews', (tx) => listSavedViews(tx, caller, 'deals'), {
      bound: LOOKUP_BOUND,
    }),
    // A member's open tasks soonest due first (My day), read on the open-task index of the assignee.
    c('open tasks of the rep (My day)', 'listTasks', (tx) =>
      listTasks(tx, caller, { assignee: f.rep.id, status: 'open', limit: LIMIT }),
    ),
    c('open and done tasks of a deal', 'listTasks', async (tx) => {
      await listTasks(tx, caller, { dealId: f.dealId, status: 'open', limit: LIMIT })
      return listTasks(tx, caller, { dealId: f.dealId, status: 'done', limit: LIMIT })
    }),
    // The caller's feed newest first and its unread ones (ADR 0169), each on its index of the recipient; the
    // badge reads at most UNREAD_CAP + 1 rows.
    c('notifications feed', 'listNotifications', (tx) =>
      listNotifications(tx, caller, { limit: LIMIT, unread: false }),
    ),
    c('unread notifications and their count', 'countUnread', async (tx) => {
      await listNotifications(tx, caller, { limit: LIMIT, unread: true })
      return countUnread(tx, caller)
    }),
    // Manager insight (ADR 0170): the team's (a lead's default), one process's with its funnel, a rep's own.
    c(
      'insight of the team, all processes, this quarter',
      'getInsight',
      (tx) => getInsight(tx, caller, { period: 'quarter' }),
      { bound: INSIGHT_BOUND },
    ),
    c(
      'insight of one process with its funnel, this month',
      'getInsight',
      (tx) => getInsight(tx, caller, { period: 'month', processId: f.processId }),
      { bound: INSIGHT_BOUND },
    ),
    c(
      'insight of a rep, this year',
      'getInsight',
      (tx) => getInsight(tx, { ...caller, userId: f.rep.id, role: 'rep' }, { period: 'year' }),
      { bound: INSIGHT_BOUND },
    ),
    // The digest's day of unread notifications (ADR 0171): the unread index, newest first, from a day back.
    c('a day of unread notifications for the digest', 'listUnreadSince', (tx) =>
      listUnreadSince(tx, caller, {
        kinds: ['deal.assigned', 'deal.stage_changed', 'task.due'],
        since: new Date(Date.now() - 24 * 60 * 60_000),
        until: new Date(),
        limit: 51,
      }),
    ),
    c('product price history', 'listPriceHistory', (tx) =>
      listPriceHistory(tx, f.productId, { limit: LIMIT }),
    ),
    // Duplicates (ADR 0172): a window of each reason's key index (a rep's: led by their id), and the records
    // of the groups found by key; names are compared within the window's blocks only.
    c('duplicate contacts by e-mail, then phone', 'listDuplicates', async (tx) => {
      const first = await listDuplicates(tx, caller, { entity: 'contact', limit: LIMIT })
      const phone = encodeCursor(['1|', '00000000-0000-0000-0000-000000000000'])
      await listDuplicates(tx, caller, { entity: 'contact', limit: LIMIT, cursor: phone })
      return listDuplicates(tx, caller, {
        entity: 'contact',
        limit: LIMIT,
        cursor: first.nextCursor ?? undefined,
      })
    }),
    c('duplicate contacts by name within a company', 'listDuplicates', (tx) =>
      listDuplicates(tx, caller, {
        entity: 'contact',
        limit: LIMIT,
        cursor: encodeCursor(['2|', '00000000-0000-0000-0000-000000000000']),
      }),
    ),
    c('duplicate organizations by domain and name', 'listDuplicates', async (tx) => {
      await listDuplicates(tx, caller, { entity: 'organization', limit: LIMIT })
      return listDuplicates(tx, caller, {
        entity: 'organization',
        limit: LIMIT,
        cursor: encodeCursor(['1|', '00000000-0000-0000-0000-000000000000']),
      })
    }),
  ]
}
