// The one check of an IANA time zone, for the workspace's zone, a member's own (ADR 0164) and an archive's
// settings. Intl knows the IANA zones of the runtime (Node and workerd ship the same ICU data); 'UTC' is
// the workspace column's default but not always in the list.
import { z } from '@hono/zod-openapi'

const TIMEZONES = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])

export const isTimeZone = (tz: string) => TIMEZONES.has(tz)

/** An IANA time zone such as Europe/Paris. */
export const ZTimeZone = z.string().refine(isTimeZone, 'Use an IANA time zone such as Europe/Paris')
