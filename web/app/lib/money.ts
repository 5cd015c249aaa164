// Money arrives from the API as decimal strings ("1234.50"). Intl formats a numeric string exactly, so
// nothing here ever turns money into a float; sums and totals always come from the API.

// Building an Intl formatter costs far more than formatting with one (a board formats hundreds of values
// per render): one per locale and currency or style, kept for the life of the process.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key)
  if (!f) {
    f = make()
    formatters.set(key, f)
  }
  return f as T
}

export function formatMoney(value: string | null | undefined, currency: string, locale = 'en'): string {
  if (value == null || value === '') return '—'
  const f = cached(
    `money:${locale}:${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  )
  return f.format(value as Intl.StringNumericLiteral)
}

/** "12.34" → 1234n cents; null when the text is not a plain decimal with at most 2 places. */
export function toCents(text: string): bigint | null {
  const m = /^\s*(-?)(\d{1,12})(?:[.,](\d{1,2}))?\s*$/.exec(text)
  if (!m) return null
  const cents = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0')
  return m[1] ? -cents : cents
}

/** 1234n → "12.34" (a numeric string formatMoney accepts). */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : ''
  const abs = cents < 0n ? -cents : cents
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`
}

export function formatDate(iso: string | null | undefined, locale = 'en'): string {
  if (!iso) return '—'
  // Plain dates ("2026-03-31") are calendar days: format them in UTC so no timezone shifts the day.
  const f = cached(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  )
  return f.format(new Date(iso))
}
