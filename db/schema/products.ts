// Product catalogue (F12): SKU per tenant, a pricing blueprint per product, and its price history.
import { sql } from 'drizzle-orm'
import { boolean, check, foreignKey, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, currentUserDefault, id, money, percent, timestamptz } from './_columns.ts'
import { inTenant, isAdmin, isTeamLead, policies } from './_rls.ts'
import { tenantId } from './tenants.ts'

const readByMembersWriteByAdmins = (table: string, noun: string, what: string) => [
  ...policies({
    table,
    noun,
    who: 'members of their tenant',
    commands: ['select'],
    condition: inTenant,
    why: `Every member reads ${what} to price deals; the API hides inactive products from reps.`,
  }),
  ...policies({
    table,
    noun,
    who: 'admins of their tenant',
    commands: ['insert', 'update', 'delete'],
    condition: sql`${inTenant} and ${isAdmin}`,
    why: `Only admins manage ${what} (F12.1, F4.1: managers read only).`,
  }),
]

export const products = pgTable(
  'products',
  {
    id: id(),
    tenantId: tenantId(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    category: text('category'),
    isActive: boolean('is_active').notNull().default(true),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    ...auditColumns(),
  },
  (t) => [
    unique('products_tenant_id_id_key').on(t.tenantId, t.id),
    unique('products_tenant_id_sku_key').on(t.tenantId, t.sku),
    check('products_custom_fields_object', sql`jsonb_typeof(custom_fields) = 'object'`),
    // The list's order (name, id), for leads (every product) and for reps (active ones): a page is read on
    // its index, then joined (services/products/list-products.ts, ADR 0100).
    index('products_tenant_id_name_idx').on(t.tenantId, t.name, t.id),
    index('products_tenant_id_active_name_idx').on(t.tenantId, t.isActive, t.name, t.id),
    index('products_tenant_id_category_idx').on(t.tenantId, t.category),
    index('products_tenant_id_created_at_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    index('products_name_trgm_idx').using('gin', t.tenantId, t.name.op('gin_trgm_ops')),
    ...readByMembersWriteByAdmins('products', 'products', 'the product catalogue'),
  ],
)

/** F12.3. max_discount_percent NULL means no discount policy; cost NULL means unknown (no margin shown). */
export const pricingBlueprints = pgTable(
  'pricing_blueprints',
  {
    id: id(),
    tenantId: tenantId(),
    productId: uuid('product_id').notNull(),
    defaultPrice: money('default_price').notNull(),
    cost: money('cost'),
    maxDiscountPercent: percent('max_discount_percent'),
    marginTargetPercent: percent('margin_target_percent'),
    ...auditColumns(),
  },
  (t) => [
    unique('pricing_blueprints_tenant_id_id_key').on(t.tenantId, t.id),
    unique('pricing_blueprints_tenant_id_product_id_key').on(t.tenantId, t.productId),
    foreignKey({
      name: 'pricing_blueprints_product_fk',
      columns: [t.tenantId, t.productId],
      foreignColumns: [products.tenantId, products.id],
    }).onDelete('cascade'),
    check('pricing_blueprints_default_price_non_negative', sql`default_price >= 0`),
    check('pricing_blueprints_cost_non_negative', sql`cost >= 0`),
    check('pricing_blueprints_max_discount_range', sql`max_discount_percent between 0 and 100`),
    check('pricing_blueprints_margin_target_range', sql`margin_target_percent between -100 and 100`),
    ...readByMembersWriteByAdmins('pricing_blueprints', 'pricing blueprints', 'pricing blueprints'),
  ],
)

/** Every blueprint change with who and when (F12.5); append-only. */
export const productPriceHistory = pgTable(
  'product_price_history',
  {
    id: id(),
    tenantId: tenantId(),
    productId: uuid('product_id').notNull(),
    oldPrice: money('old_price'),
    newPrice: money('new_price').notNull(),
    oldCost: money('old_cost'),
    newCost: money('new_cost'),
    maxDiscountPercent: percent('max_discount_percent'),
    marginTargetPercent: percent('margin_target_percent'),
    changedBy: uuid('changed_by').default(currentUserDefault),
    /**
     * The moment of the change (clock_timestamp(), not the transaction's start: two moves of one deal
     * serialise on its row lock, and the later one may belong to the transaction that began first).
     */
    changedAt: timestamptz('changed_at').notNull().default(sql`clock_timestamp()`),
    ...auditColumns(),
  },
  (t) => [
    unique('product_price_history_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'product_price_history_product_fk',
      columns: [t.tenantId, t.productId],
      foreignColumns: [products.tenantId, products.id],
    }).onDelete('cascade'),
    index('product_price_history_tenant_id_product_id_idx').on(t.tenantId, t.productId, t.changedAt.desc()),
    ...policies({
      table: 'product_price_history',
      noun: 'price history',
      who: 'tenant admins and managers',
      commands: ['select'],
      condition: sql`${inTenant} and ${isTeamLead}`,
      why: 'Price history shows costs: admins and managers read it (F12.5). Append-only: no UPDATE/DELETE grant.',
    }),
    ...policies({
      table: 'product_price_history',
      noun: 'price history',
      who: 'admins of their tenant',
      commands: ['insert'],
      condition: sql`${inTenant} and ${isAdmin}`,
      why: 'Written in the same transaction as an admin’s blueprint change.',
    }),
  ],
)
