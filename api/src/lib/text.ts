// The characters no string the API accepts may hold, checked once for every validated input (the router's
// hook walks body, query, path and header values after zod): NUL, which Postgres cannot store in text or
// jsonb (a 500 before this), the other C0 controls and DEL, which no person types, and lone UTF-16
// surrogates, which Postgres would store as U+FFFD. Tab, newline and carriage return pass here because
// multi-line text needs them; a single-line field says so with `line()`.
import { z } from '@hono/zod-openapi'
import type { FieldError } from './problem.ts'

const TAB = 0x09
const LF = 0x0a
const CR = 0x0d

/** Why `s` cannot be accepted, or null when it can. */
export function badCharacter(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0) return 'Must not contain a NUL character'
    if ((c < 0x20 && c !== TAB && c !== LF && c !== CR) || c === 0x7f)
      return 'Must not contain control characters'
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++
        continue
      }
      return 'Must not contain a lone surrogate (invalid Unicode)'
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'Must not contain a lone surrogate (invalid Unicode)'
  }
  return null
}

/** Every string in a validated value (object keys too: they become jsonb keys), as field errors. */
export function badStrings(value: unknown, path: string[] = [], out: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    const message = badCharacter(value)
    if (message) out.push({ field: path.join('.') || '(body)', message })
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) badStrings(v, [...path, String(i)], out)
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = badCharacter(k)
      if (keyProblem) out.push({ field: [...path, k].join('.'), message: keyProblem })
      badStrings(v, [...path, k], out)
    }
  }
  return out
}

const SINGLE_LINE = /^[^\t\n\r]*$/

/** A single-line text field (names, titles, search terms): trimmed, at most `max`, no tab or line break. */
export const line = (max: number) => z.string().trim().max(max).regex(SINGLE_LINE, 'Use a single line')
