import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZPriceChange,
  ZPricing,
  ZPricingInput,
  ZProduct,
  ZProductCreate,
  ZProductListQuery,
  ZProductPatch,
} from './products.schemas.ts'

const tags = ['Products']
const invalid = { 400: problemResponse('Invalid fields') }
const stepUp = { 403: problemResponse('Not allowed for this role, or step-up verification required') }

export const listProducts = createRoute({
  method: 'get',
  path: '/products',
  tags,
  summary: 'The catalogue by name; q matches name or SKU. Reps see active products only.',
  request: { query: ZProductListQuery },
  responses: {
    200: { description: 'A page of products', ...jsonContent(ZPage(ZProduct)) },
    ...invalid,
    ...memberRefusals,
  },
})

export const createProduct = creatingRoute({
  method: 'post',
  path: '/products',
  tags,
  summary: 'Add a product (admins); with `pricing` it also sets the blueprint, which needs step-up',
  request: { body: jsonBody(ZProductCreate) },
  responses: {
    201: { description: 'The product', ...jsonContent(ZProduct) },
    ...invalid,
    ...memberRefusals,
    ...stepUp,
    409: problemResponse('The SKU is already in use'),
    422: problemResponse('A value is not allowed'),
  },
})

export const getProduct = createRoute({
  method: 'get',
  path: '/products/{id}',
  tags,
  summary: 'One product with its pricing (inactive products are 404 for reps)',
  request: { params: ZIdParam },
  responses: { 200: { description: 'The product', ...jsonContent(ZProduct) }, ...invalid, ...memberRefusals },
})

export const updateProduct = createRoute({
  method: 'patch',
  path: '/products/{id}',
  tags,
  summary: 'Edit, activate or deactivate a product (admins)',
  request: { params: ZIdParam, body: jsonBody(ZProductPatch) },
  responses: {
    200: { description: 'The product', ...jsonContent(ZProduct) },
    ...invalid,
    ...memberRefusals,
    409: problemResponse('The SKU is already in use'),
  },
})

export const getPricing = createRoute({
  method: 'get',
  path: '/products/{id}/pricing',
  tags,
  summary: "The product's pricing blueprint (cost and margin target for managers and admins only)",
  request: { params: ZIdParam },
  responses: {
    200: { description: 'The blueprint', ...jsonContent(ZPricing) },
    ...invalid,
    ...memberRefusals,
  },
})

export const putPricing = createRoute({
  method: 'put',
  path: '/products/{id}/pricing',
  tags,
  summary: 'Set the blueprint (admins, step-up verified); every change is kept in price history and audited',
  request: { params: ZIdParam, body: jsonBody(ZPricingInput) },
  responses: {
    200: { description: 'The blueprint', ...jsonContent(ZPricing) },
    ...invalid,
    ...memberRefusals,
    ...stepUp,
  },
})

export const listPriceHistory = createRoute({
  method: 'get',
  path: '/products/{id}/price-history',
  tags,
  summary: 'Blueprint changes with who and when, newest first (managers and admins)',
  request: { params: ZIdParam, query: ZListQuery },
  responses: {
    200: { description: 'A page of price changes', ...jsonContent(ZPage(ZPriceChange)) },
    ...invalid,
    ...memberRefusals,
  },
})
