import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonContent, memberRefusals, problemResponse, ZIdParam } from '../../lib/openapi.ts'
import { creatingRoute } from '../../middleware/creating-route.ts'
import {
  ZLineItemChange,
  ZLineItemCreate,
  ZLineItemListQuery,
  ZLineItemPage,
  ZLineItemPatch,
  ZLineParams,
} from './line-items.schemas.ts'

const tags = ['Deal line items']
const invalid = { 400: problemResponse('Invalid fields') }
const refused = {
  422: problemResponse('Product inactive or unknown, price below the discount policy, or too large'),
}

export const listLineItems = createRoute({
  method: 'get',
  path: '/deals/{id}/line-items',
  tags,
  summary: "The deal's lines in order, with its totals as the database computed them",
  request: { params: ZIdParam, query: ZLineItemListQuery },
  responses: {
    200: { description: 'A page of lines', ...jsonContent(ZLineItemPage) },
    ...invalid,
    ...memberRefusals,
  },
})

export const addLineItem = creatingRoute({
  method: 'post',
  path: '/deals/{id}/line-items',
  tags,
  summary: 'Add an active product; list price from the blueprint, unit price defaults to it (audited)',
  request: { params: ZIdParam, body: jsonBody(ZLineItemCreate) },
  responses: {
    201: { description: 'The new line and the deal totals', ...jsonContent(ZLineItemChange) },
    ...invalid,
    ...memberRefusals,
    ...refused,
  },
})

export const updateLineItem = createRoute({
  method: 'patch',
  path: '/deals/{id}/line-items/{lineId}',
  tags,
  summary:
    'Change quantity and/or unit price; below the discount policy only for managers and admins (audited)',
  request: { params: ZLineParams, body: jsonBody(ZLineItemPatch) },
  responses: {
    200: { description: 'The line and the deal totals', ...jsonContent(ZLineItemChange) },
    ...invalid,
    ...memberRefusals,
    ...refused,
  },
})

export const removeLineItem = createRoute({
  method: 'delete',
  path: '/deals/{id}/line-items/{lineId}',
  tags,
  summary: 'Remove a line (soft delete, kept in history; audited)',
  request: { params: ZLineParams },
  responses: {
    200: { description: 'The removed line and the deal totals', ...jsonContent(ZLineItemChange) },
    ...invalid,
    ...memberRefusals,
  },
})
