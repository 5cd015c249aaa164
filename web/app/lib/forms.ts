// How a submitted HTML form becomes the API's JSON (ADR 0150), shared by actions (server) and, where a page
// hydrates, client validation. Conform walks the API's own zod input schema and converts each text value:
// - a blank required text field stays '' so the API schema's own message ("Enter a name") is the one shown;
// - a blank optional field is left out (undefined), a blank nullable field is sent as null (clears it);
// - numbers and checkboxes become numbers and booleans.
import { configureCoercion } from '@conform-to/zod/v4/future'
import type { $ZodErrorMap, $ZodType } from 'zod/v4/core'

type Def = { type: string; innerType?: $ZodType }

/** The types under optional/nullable/default wrappers, outermost first. */
function layers(type: $ZodType): string[] {
  const out: string[] = []
  let def = type._zod.def as Def
  for (;;) {
    out.push(def.type)
    if (!def.innerType || !['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type))
      break
    def = def.innerType._zod.def as Def
  }
  return out
}

const blank = (v: unknown) => typeof v === 'string' && v.trim() === ''

export const { coerceFormValue } = configureCoercion({
  customize(type) {
    const kinds = layers(type)
    // Only a wrapper decides about blanks; a bare string is handled where it sits (kept as typed).
    if (kinds.length === 1) return kinds[0] === 'string' ? (v) => v : null
    if (!kinds.includes('nullable')) return null
    const inner = kinds.at(-1)
    return (v) => {
      if (blank(v)) return null
      return inner === 'number' && typeof v === 'string' ? Number(v) : v
    }
  },
})

/** Messages for what the API schema leaves to zod's defaults (a missing value, a word where a number goes). */
export const formMessages: $ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined
  if (issue.input === undefined) return 'Required'
  if (issue.expected === 'number') return 'Enter a number'
  return undefined
}
