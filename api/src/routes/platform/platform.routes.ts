import { createRoute, z } from '@hono/zod-openapi'
import { jsonBody as body, jsonContent as json, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { ZActivateAccount, ZDeleteTenant } from '../../services/platform/platform.inputs.ts'

const denied = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Platform administrators only'),
  404: problemResponse('Not found (or not the root domain)'),
}

export const ZAccount = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    emailVerified: z.boolean(),
    contractStatus: z.enum(['none', 'signed']),
    contractSignedAt: z.string().nullable(),
    requestedCompanyName: z.string().nullable(),
    requestedSlug: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('PlatformAccount')

export const ZTenant = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    companyName: z.string(),
    status: z.enum(['prospect', 'pending', 'active', 'suspended', 'deleted']),
    retentionDays: z.number().int(),
    createdAt: z.string(),
    activatedAt: z.string().nullable(),
    suspendedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
    purgeAfter: z.string().nullable(),
  })
  .openapi('PlatformTenant')

export const listAccounts = createRoute({
  method: 'get',
  path: '/platform/accounts',
  tags: ['Platform'],
  summary: 'Pre-tenant accounts with their contract and verification status, newest first',
  request: { query: ZListQuery.extend({ contractStatus: z.enum(['none', 'signed']).optional() }) },
  responses: { 200: { description: 'A page of accounts', ...json(ZPage(ZAccount)) }, ...denied },
})

export const signContract = createRoute({
  method: 'post',
  path: '/platform/accounts/{id}/contract',
  tags: ['Platform'],
  summary: 'Record that the account signed its contract (F1.3)',
  request: { params: ZIdParam },
  responses: { 200: { description: 'Contract signed', ...json(ZAccount) }, ...denied },
})

export const activateAccount = createRoute({
  method: 'post',
  path: '/platform/accounts/{id}/activate',
  tags: ['Platform'],
  summary: 'Provision the workspace: tenant, admin, default process and catalogue, in one transaction',
  request: {
    params: ZIdParam,
    body: body(ZActivateAccount),
  },
  responses: {
    201: { description: 'The new active workspace', ...json(ZTenant) },
    400: problemResponse('Invalid or reserved slug'),
    409: problemResponse('Slug already in use'),
    422: problemResponse('Contract not signed or email not confirmed'),
    ...denied,
  },
})

export const listTenants = createRoute({
  method: 'get',
  path: '/platform/tenants',
  tags: ['Platform'],
  summary: 'Workspaces with lifecycle timestamps (F1.10), newest first',
  request: {
    query: ZListQuery.extend({
      status: z.enum(['prospect', 'pending', 'active', 'suspended', 'deleted']).optional(),
    }),
  },
  responses: { 200: { description: 'A page of workspaces', ...json(ZPage(ZTenant)) }, ...denied },
})

const lifecycle = (verb: 'suspend' | 'resume', summary: string) =>
  createRoute({
    method: 'post',
    path: `/platform/tenants/{id}/${verb}`,
    tags: ['Platform'],
    summary,
    request: { params: ZIdParam },
    responses: {
      200: { description: 'The workspace after the change', ...json(ZTenant) },
      409: problemResponse('Not in a state this change applies to'),
      ...denied,
    },
  })

export const suspendTenant = lifecycle(
  'suspend',
  'Suspend: data kept, every session and token refused (F1.9)',
)
export const resumeTenant = lifecycle('resume', 'Resume a suspended workspace')

export const deleteTenant = createRoute({
  method: 'post',
  path: '/platform/tenants/{id}/delete',
  tags: ['Platform'],
  summary:
    'Archive the workspace (hard-deleted after its retention period). Offer the customer the data export first.',
  request: {
    params: ZIdParam,
    body: body(ZDeleteTenant),
  },
  responses: {
    200: { description: 'The archived workspace with its purge date', ...json(ZTenant) },
    400: problemResponse('confirm does not match the slug'),
    409: problemResponse('Already deleted'),
    ...denied,
  },
})
