import type { Context } from 'hono'
import type { AppEnv, Deps } from '../../context.ts'
import { withConstraintErrors } from '../../lib/db-errors.ts'
import { notFound } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { requireStepUp } from '../../middleware/step-up.ts'
import { createProduct } from '../../services/products/create-product.ts'
import { listPriceHistory } from '../../services/products/list-price-history.ts'
import { listProducts } from '../../services/products/list-products.ts'
import { findVisibleProduct, toPricing, toProduct } from '../../services/products/product-view.ts'
import { setPricing } from '../../services/products/set-pricing.ts'
import { updateProduct } from '../../services/products/update-product.ts'
import * as routes from './products.routes.ts'

const SKU = { products_tenant_id_sku_key: 'sku' }

const caller = (c: Context<AppEnv>, permission: Parameters<typeof requireMember>[1]) => {
  const member = requireMember(c, permission)
  return { ...member, requestId: c.get('requestId') }
}

export const productsRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listProducts, async (c) => {
      const who = caller(c, 'products.read')
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, who, (tx) => listProducts(tx, who, query)), 200)
    })
    .openapi(routes.createProduct, async (c) => {
      const who = caller(c, 'products.manage')
      const input = c.req.valid('json')
      // An initial blueprint is a pricing change like any other (NFR-S8).
      if (input.pricing) requireStepUp(c)
      const product = await withConstraintErrors(SKU, () =>
        memberTx(deps, who, (tx) => createProduct(tx, who, input)),
      )
      return c.json(product, 201)
    })
    .openapi(routes.getProduct, async (c) => {
      const who = caller(c, 'products.read')
      const { id } = c.req.valid('param')
      const row = await memberTx(deps, who, (tx) => findVisibleProduct(tx, who, id))
      return c.json(toProduct(row.product, row.blueprint, who.role), 200)
    })
    .openapi(routes.updateProduct, async (c) => {
      const who = caller(c, 'products.manage')
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const product = await withConstraintErrors(SKU, () =>
        memberTx(deps, who, (tx) => updateProduct(tx, who, id, patch)),
      )
      return c.json(product, 200)
    })
    .openapi(routes.getPricing, async (c) => {
      const who = caller(c, 'products.read')
      const { id } = c.req.valid('param')
      const row = await memberTx(deps, who, (tx) => findVisibleProduct(tx, who, id))
      const pricing = toPricing(row.blueprint, who.role)
      if (!pricing) throw notFound('Pricing')
      return c.json(pricing, 200)
    })
    .openapi(routes.putPricing, async (c) => {
      const who = caller(c, 'pricing.manage')
      requireStepUp(c)
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const saved = await memberTx(deps, who, async (tx) => {
        await findVisibleProduct(tx, who, id)
        return setPricing(tx, who, id, input)
      })
      return c.json(toPricing(saved, who.role) as NonNullable<ReturnType<typeof toPricing>>, 200)
    })
    .openapi(routes.listPriceHistory, async (c) => {
      const who = caller(c, 'pricing.read-cost')
      const { id } = c.req.valid('param')
      const query = c.req.valid('query')
      const page = await memberTx(deps, who, async (tx) => {
        await findVisibleProduct(tx, who, id)
        return listPriceHistory(tx, id, query)
      })
      return c.json(page, 200)
    })
