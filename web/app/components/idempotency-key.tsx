// A creating form carries a key made when it is rendered, and its action forwards it to the API as the
// Idempotency-Key header (apiClient): a double submit of one rendered form then creates once (ADR 0130).
import { useLocation } from '@remix-run/react'
import { useMemo } from 'react'
import { IDEMPOTENCY_FIELD } from '~/lib/idempotency.ts'

export function IdempotencyKeyField() {
  // One key per visit: a successful create redirects (a new location), so a hydrated page that stays
  // mounted still sends its next create with a new key; a refused one (4xx, not stored) keeps it.
  const { key: visit } = useLocation()
  const key = useMemo(() => newKey(visit), [visit])
  // On hydration the server's key stays in the DOM (attributes are not patched): the rendered form's key.
  return <input type="hidden" name={IDEMPOTENCY_FIELD} defaultValue={key} suppressHydrationWarning />
}

/** crypto.randomUUID needs a secure context; a plain-http dev host falls back to random bytes. */
function newKey(_visit: string): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')
}
