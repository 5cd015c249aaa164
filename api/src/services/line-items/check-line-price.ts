// The discount policy (F13.4) and the numeric(14,2) ceiling, in BigInt cents so no float ever decides.

import type { Role } from '@aura/db'
import { fromCents, toCents } from '../../lib/money.ts'
import { can } from '../../lib/permissions.ts'
import { AppError } from '../../lib/problem.ts'

/** numeric(14,2): 999,999,999,999.99. */
const MAX_CENTS = 99_999_999_999_999n

export interface PriceVerdict {
  /** True when a manager or admin priced below the policy: audited as a discount override. */
  belowPolicy: boolean
  minimumAllowedPrice: string | null
}

/**
 * The lowest allowed unit price is listPrice × (1 − maxDiscount/100), rounded up to the cent so the
 * quoted minimum itself passes. Reps are refused below it; managers and admins may override.
 */
export function checkDiscount({
  role,
  listPrice,
  maxDiscountPercent,
  unitPrice,
}: {
  role: Role
  listPrice: string
  maxDiscountPercent: string | null
  unitPrice: string
}): PriceVerdict {
  if (maxDiscountPercent === null) return { belowPolicy: false, minimumAllowedPrice: null }
  const keepBasisPoints = 10_000n - toCents(maxDiscountPercent)
  const minCents = (toCents(listPrice) * keepBasisPoints + 9_999n) / 10_000n
  const minimumAllowedPrice = fromCents(minCents)
  if (toCents(unitPrice) >= minCents) return { belowPolicy: false, minimumAllowedPrice }
  if (!can(role, 'pricing.override-discount')) {
    throw new AppError(
      'unprocessable',
      `The unit price is below the discount policy (minimum ${minimumAllowedPrice})`,
      {
        errors: [{ field: 'unitPrice', message: `The minimum allowed price is ${minimumAllowedPrice}` }],
        minimumAllowedPrice,
      },
    )
  }
  return { belowPolicy: true, minimumAllowedPrice }
}

/** Refuses a change that would take the line or the deal total past numeric(14,2), as a 422, not a 500. */
export function checkCeiling({
  dealTotal,
  oldExtended,
  quantity,
  unitPrice,
}: {
  dealTotal: string
  oldExtended: string
  quantity: number
  unitPrice: string
}) {
  const extended = BigInt(quantity) * toCents(unitPrice)
  const total = toCents(dealTotal) - toCents(oldExtended) + extended
  if (extended > MAX_CENTS || total > MAX_CENTS) {
    throw new AppError('unprocessable', 'The line or the deal total would exceed 999,999,999,999.99', {
      errors: [{ field: 'quantity', message: 'quantity × unitPrice makes the total too large' }],
    })
  }
}
