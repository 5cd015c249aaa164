// The GraphQL the peer serves for each scenario, asking for what Aura's answer carries (the deal's
// columns with process and stage names and whether it has lines; a contact with its live company).
// PostGraphile's UPDATED_AT_DESC is `updated_at desc, id desc` (nulls first); Aura sorts `desc nulls last`
// — updated_at is NOT NULL, so the two orders are the same (verified per run on the returned ids).

const DEAL_FIELDS = `rowId name amount currency processId stageId status probability closeDate contactId
  organizationId assignedUserId notes lineItemsTotal closedAt closedStageName closedProbability finalAmount
  customFields createdBy createdAt updatedAt
  salesProcessByTenantIdAndProcessId { name }
  processStageByTenantIdAndProcessIdAndStageId { name }`

export const LIST_DEALS = `query ListDeals($after: Cursor) {
  allDeals(first: 25, after: $after, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC], condition: { deletedAt: null }) {
    nodes { ${DEAL_FIELDS}
      dealLineItemsByTenantIdAndDealId(first: 1, condition: { deletedAt: null }) { nodes { rowId } } }
    pageInfo { endCursor hasNextPage }
  }
}`

export const DEAL_WITH_LINES = `query DealWithLines($id: UUID!) {
  dealByRowId(rowId: $id) { ${DEAL_FIELDS}
    dealLineItemsByTenantIdAndDealId(first: 25, condition: { deletedAt: null }, orderBy: [POSITION_ASC, PRIMARY_KEY_ASC]) {
      nodes { rowId productId skuSnapshot nameSnapshot quantity listPrice unitPrice extendedPrice position createdAt updatedAt }
      pageInfo { endCursor hasNextPage }
    }
  }
}`

// search_contacts (ADR 0080) as PostGraphile exposes it, with the contact linked by peer/search-plugin.ts;
// 26 candidates as Aura asks for (one more than the page, for its next cursor).
export const SEARCH_CONTACTS = `query SearchContacts($q: String!) {
  searchContacts(q: $q, maxRows: 26, first: 25) {
    nodes { rank contact { rowId firstName lastName fullName email phone title organizationId assignedUserId
      customFields createdAt updatedAt createdBy organizationByTenantIdAndOrganizationId { rowId name deletedAt } } }
  }
}`

export const MOVE_DEAL = `mutation MoveDeal($id: UUID!, $stageId: UUID!, $probability: Int!) {
  updateDealByRowId(input: { rowId: $id, dealPatch: { stageId: $stageId, probability: $probability } }) {
    deal { rowId stageId probability updatedAt }
  }
}`

export const ADD_LINE = `mutation AddLine($line: DealLineItemInput!) {
  createDealLineItem(input: { dealLineItem: $line }) { dealLineItem { rowId dealId extendedPrice position } }
}`

export const graphqlBody = (query: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ query, variables })
