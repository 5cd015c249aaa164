// Deal line items (F13): product snapshot, integer quantity, exact prices; the deal total is kept by a
// trigger (migration rls_grants_triggers) so the database agrees with the API at every commit.
import { sql } from 'drizzle-orm'
import { check, foreignKey, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { auditColumns, id, money, timestamptz } from './_columns.ts'
import { inTenant, policies } from './_rls.ts'
import { deals } from './deals.ts'
import { products } from './products.ts'
import { tenantId } from './tenants.ts'

export const dealLineItems = pgTable(
  'deal_line_items',
  {
    id: id(),
    tenantId: tenantId(),
    dealId: uuid('deal_id').notNull(),
    productId: uuid('product_id').notNull(),
    skuSnapshot: text('sku_snapshot').notNull(),
    nameSnapshot: text('name_snapshot').notNull(),
    quantity: integer('quantity').notNull().default(1),
    /** The blueprint's default price when the line was added (F13.2). */
    listPrice: money('list_price').notNull(),
    /** What the customer pays per unit; may be overridden (F13.4). */
    unitPrice: money('unit_price').notNull(),
    extendedPrice: money('extended_price').notNull().generatedAlwaysAs(sql`quantity * unit_price`),
    position: integer('position').notNull().default(0),
    deletedAt: timestamptz('deleted_at'),
    ...auditColumns(),
  },
  (t) => [
    unique('deal_line_items_tenant_id_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'deal_line_items_deal_fk',
      columns: [t.tenantId, t.dealId],
      foreignColumns: [deals.tenantId, deals.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'deal_line_items_product_fk',
      columns: [t.tenantId, t.productId],
      foreignColumns: [products.tenantId, products.id],
    }),
    check('deal_line_items_quantity_min_one', sql`quantity >= 1`),
    check('deal_line_items_list_price_non_negative', sql`list_price >= 0`),
    check('deal_line_items_unit_price_non_negative', sql`unit_price >= 0`),
    index('deal_line_items_tenant_id_deal_id_idx').on(t.tenantId, t.dealId, t.position),
    index('deal_line_items_tenant_id_product_id_idx').on(t.tenantId, t.productId),
    ...policies({
      table: 'deal_line_items',
      noun: 'line items',
      who: 'those who see the deal',
      commands: ['select', 'insert', 'update'],
      condition: sql`${inTenant} and exists (select 1 from deals d
        where d.tenant_id = deal_line_items.tenant_id and d.id = deal_line_items.deal_id)`,
      why: 'Lines follow their deal: the EXISTS runs under the deals policies, so a rep prices only their own deals (F4.1). Removal is soft (F13.8).',
    }),
  ],
)
