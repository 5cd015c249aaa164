// What a new tenant starts with (F1.5, F11.3): the default sales process and a small catalogue.
// Called by tenant activation inside its transaction (withPlatform 'provision-tenant' or the owner).

import type { Executor } from './executor.ts'
import { createProcess, DEFAULT_PROCESS_NAME, type ProcessWithStages } from './processes.ts'
import { createProduct, type ProductWithBlueprint } from './products.ts'

export const DEFAULT_CATALOGUE = [
  {
    sku: 'SVC-ONBOARD',
    name: 'Onboarding package',
    category: 'Services',
    defaultPrice: '1500.00',
    cost: '600.00',
  },
  {
    sku: 'LIC-SEAT',
    name: 'Annual seat licence',
    category: 'Licences',
    defaultPrice: '480.00',
    cost: '40.00',
  },
  {
    sku: 'SVC-SUPPORT',
    name: 'Premium support (year)',
    category: 'Services',
    defaultPrice: '2400.00',
    cost: null,
  },
] as const

export interface TenantDefaults {
  defaultProcess: ProcessWithStages
  products: ProductWithBlueprint[]
}

export async function provisionTenantDefaults(tx: Executor, tenantId: string): Promise<TenantDefaults> {
  const defaultProcess = await createProcess(tx, { tenantId, name: DEFAULT_PROCESS_NAME, isDefault: true })
  const products: ProductWithBlueprint[] = []
  for (const p of DEFAULT_CATALOGUE) {
    products.push(
      await createProduct(tx, {
        tenantId,
        sku: p.sku,
        name: p.name,
        category: p.category,
        blueprint: { defaultPrice: p.defaultPrice, cost: p.cost, maxDiscountPercent: '20.00' },
      }),
    )
  }
  return { defaultProcess, products }
}
