// What the fuzzer sends: a valid value for a JSON Schema from the served OpenAPI document, and the hostile
// values an attacker tries in any slot. A fixed seed makes every run send the same requests.

export type Rng = () => number

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T

export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  format?: string
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  example?: unknown
  default?: unknown
}

/** Real ids by what a field or path segment names, so valid requests reach the database. */
export type IdPool = (name: string) => string

const b64 = (s: string) => btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
const ID = '00000000-0000-4000-8000-000000000000'

/** Hostile values by class; `foreign` (another workspace's ids) is added by the caller. */
export const HOSTILE: Record<string, unknown[]> = {
  nul: ['a\u0000b', '\u0000'],
  control: ['bell\u0007', '\u001b[31mred', 'tab\there', 'line\nbreak', 'del\u007f'],
  surrogate: ['lone \ud800', '\udfff end'],
  number: [1e308, -1e308, 2 ** 53 + 1, -1, 1.5, Number.MIN_VALUE],
  type: [true, null, {}, [], ['a'], { nested: { deeper: [1] } }, 42, 'text'],
  date: [
    '2026-02-30',
    '0000-01-01',
    '0001-01-01',
    '0000-01-01T00:00:00Z',
    '2026-13-01T25:61:00Z',
    '99999-01-01',
  ],
  long: ['x'.repeat(20_000), 'é'.repeat(5_000)],
  cursor: [
    '!!!',
    b64('garbage'),
    b64(JSON.stringify([1e308, ID])),
    b64('["2026-02-30T00:00:00.000000","x"]'),
  ],
  id: [ID, 'not-a-uuid', '../../etc/passwd', "' or 1=1 --", '%00'],
}

/** A value the schema accepts (as far as a generator can tell without its refinements). */
export function sample(
  s: JsonSchema,
  rng: Rng,
  ids: IdPool,
  name: string,
  resolve: (r: string) => JsonSchema,
): unknown {
  if (s.$ref) return sample(resolve(s.$ref), rng, ids, name, resolve)
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives) return sample(alternatives.find((a) => a.type !== 'null') ?? {}, rng, ids, name, resolve)
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => sample(a, rng, ids, name, resolve)))
  if (s.enum) return pick(rng, s.enum)
  if (s.example !== undefined) return s.example
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        // Optional custom fields and cursors are left out of valid requests: a random one is rarely valid.
        if (!s.required?.includes(key) && (key === 'customFields' || rng() < 0.4)) continue
        out[key] = sample(prop, rng, ids, key, resolve)
      }
      return out
    }
    case 'array':
      return s.items ? [sample(s.items, rng, ids, name, resolve)] : []
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 100, 1 + Math.floor(rng() * 50)))
    case 'boolean':
      return rng() < 0.5
    case 'string':
      return sampleString(s, rng, ids, name)
    default:
      return 'x'
  }
}

function sampleString(s: JsonSchema, rng: Rng, ids: IdPool, name: string): string {
  switch (s.format) {
    case 'uuid':
      return ids(name)
    case 'date':
      return '2026-06-30'
    case 'date-time':
      return '2026-06-30T12:00:00Z'
    case 'email':
      return `fuzz-${Math.floor(rng() * 1e9)}@example.com`
    case 'uri':
      return 'https://example.com/logo.png'
  }
  if (s.default !== undefined) return String(s.default)
  if (/email/i.test(name)) return `fuzz-${Math.floor(rng() * 1e9)}@example.com`
  if (/password/i.test(name)) return 'correct horse battery staple'
  if (s.pattern?.includes('\\d')) return '12.50'
  const word = `Fuzz ${Math.floor(rng() * 1e6)}`
  return word.slice(0, s.maxLength ?? 200).padEnd(s.minLength ?? 1, 'x')
}
