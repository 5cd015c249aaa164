// Money is exact: decimal strings at the edges ("1299.50"), numeric in Postgres, and integer cents as
// BigInt when TypeScript must compute. Never a JS number.
import { z } from '@hono/zod-openapi'

export const ZMoney = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Use a decimal amount such as 1299.50 (at most 2 decimals)')
  .openapi({ example: '1299.50' })

export function toCents(amount: string): bigint {
  const [whole = '0', frac = ''] = amount.split('.')
  const sign = whole.startsWith('-') ? -1n : 1n
  return sign * (BigInt(whole.replace('-', '')) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2)))
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : ''
  const abs = cents < 0n ? -cents : cents
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}
