// Chart geometry from exact amounts: money stays BigInt cents until it becomes a pixel length.

/** Cents of an API amount ("1234.50", always two decimals; sums may pass the 12 digits of one amount). */
export const cents = (amount: string): bigint => BigInt(amount.replace('.', ''))

/** `value` as a share of `max` in thousandths, for a bar's length (0 when there is nothing to compare). */
export function permille(value: bigint, max: bigint): number {
  return max > 0n ? Number((value * 1000n) / max) : 0
}

/** The largest of some cents (0 for none): Math.max takes no BigInt. */
export function largest(values: bigint[]): bigint {
  let max = 0n
  for (const v of values) if (v > max) max = v
  return max
}
