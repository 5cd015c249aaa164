// The one check of an IANA time zone, for the workspace's zone, a member's own (ADR 0164) and an archive's
// settings. Intl knows the IANA zones of the runtime (Node and workerd ship the same ICU data); 'UTC' is
// the workspace column's default but not always in the list. ICU lists one name per zone, sometimes the
// older one (Asia/Calcutta, not Asia/Kolkata): a current IANA name the runtime resolves is accepted too.
import { z } from '@hono/zod-openapi'

const LISTED = new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((tz) => [tz.toLowerCase(), tz]))
/** Area/Location[/More]: IANA's shape. Bare abbreviations (CET, GMT+2) are refused as ambiguous. */
const IANA_SHAPE = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/

/**
 * The zone as stored: a listed zone in the runtime's spelling (whatever the case typed), an alias the
 * runtime resolves (Asia/Kolkata) as given, or null for anything else.
 */
export function canonicalTimeZone(tz: string): string | null {
  const listed = LISTED.get(tz.toLowerCase())
  if (listed) return listed
  if (!IANA_SHAPE.test(tz)) return null
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return tz
  } catch {
    return null
  }
}

export const isTimeZone = (tz: string) => canonicalTimeZone(tz) !== null

/** An IANA time zone such as Europe/Paris, stored in its canonical spelling. */
export const ZTimeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'Use an IANA time zone such as Europe/Paris')
  .overwrite((tz) => canonicalTimeZone(tz) ?? tz)
