import type { Deps } from '../../context.ts'
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

export const productsRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listProducts, async (c) => {
      const actor = requireMember(c, 'products.read')
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, actor, (tx) => listProducts(tx, actor, query)), 200)
    })
    .openapi(routes.createProduct, async (c) => {
      const actor = requireMember(c, 'products.manage')
      const input = c.req.valid('json')
      // An initial blueprint is a pricing change like any other (NFR-S8).
      if (input.pricing) requireStepUp(c)
      const product = await withConstraintErrors(SKU, () =>
        memberTx(deps, actor, (tx) => createProduct(tx, actor, input)),
      )
      return c.json(product, 201)
    })
    .openapi(routes.getProduct, async (c) => {
      const actor = requireMember(c, 'products.read')
      const { id } = c.req.valid('param')
      const row = await memberTx(deps, actor, (tx) => findVisibleProduct(tx, actor, id))
      return c.json(toProduct(row.product, row.blueprint, actor.role), 200)
    })
    .openapi(routes.updateProduct, async (c) => {
      const actor = requireMember(c, 'products.manage')
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const product = await withConstraintErrors(SKU, () =>
        memberTx(deps, actor, (tx) => updateProduct(tx, { actor, id, patch })),
      )
      return c.json(product, 200)
    })
    .openapi(routes.getPricing, async (c) => {
      const actor = requireMember(c, 'products.read')
      const { id } = c.req.valid('param')
      const row = await memberTx(deps, actor, (tx) => findVisibleProduct(tx, actor, id))
      const pricing = toPricing(row.blueprint, actor.role)
      if (!pricing) throw notFound('Pricing')
      return c.json(pricing, 200)
    })
    .openapi(routes.putPricing, async (c) => {
      const actor = requireMember(c, 'pricing.manage')
      requireStepUp(c)
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const saved = await memberTx(deps, actor, async (tx) => {
        await findVisibleProduct(tx, actor, id)
        return setPricing(tx, { actor, productId: id, input })
      })
      return c.json(toPricing(saved, actor.role) as NonNullable<ReturnType<typeof toPricing>>, 200)
    })
    .openapi(routes.listPriceHistory, async (c) => {
      const actor = requireMember(c, 'pricing.read-cost')
      const { id } = c.req.valid('param')
      const query = c.req.valid('query')
      const page = await memberTx(deps, actor, async (tx) => {
        await findVisibleProduct(tx, actor, id)
        return listPriceHistory(tx, id, query)
      })
      return c.json(page, 200)
    })
