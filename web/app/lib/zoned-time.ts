// A `datetime-local` field has no zone: the user means their own wall clock (their zone, else the
// workspace's: ADR 0164). These turn it into an instant (ISO with offset) and back, and format instants in
// a zone, with Intl's zone data (no date library shipped).

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
  return wall - Math.floor(instant / 1000) * 1000
}

/** "2026-03-01T09:30" in Europe/Paris → "2026-03-01T08:30:00.000Z"; null when not a local date-time. */
export function localToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  // Two passes settle the offset on either side of a daylight-saving change.
  let instant = wall - offsetMs(wall, timeZone)
  instant = wall - offsetMs(instant, timeZone)
  return new Date(instant).toISOString()
}

/** An instant as the workspace's wall clock, in `datetime-local` form. */
export function isoToLocal(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime()
  return new Date(t + offsetMs(t, timeZone)).toISOString().slice(0, 16)
}

/** Tomorrow at `hour` o'clock on the zone's wall clock, as a datetime-local value (a due time offered). */
export function tomorrowAt(hour: number, timeZone: string, now = Date.now()): string {
  const day = isoToLocal(new Date(now + 86_400_000).toISOString(), timeZone).slice(0, 10)
  return `${day}T${String(hour).padStart(2, '0')}:00`
}

/** An instant as date and time in a zone (the reader's, ADR 0164): "Mar 1, 2026, 9:30 AM". */
export function formatInZone(iso: string, timeZone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  )
}

/** The day an instant falls on in a zone, short: "Mar 1" (a board card's next step). */
export function formatShortDayInZone(iso: string, timeZone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone }).format(new Date(iso))
}

/** The calendar day an instant falls on in a zone: "Mar 1, 2026". */
export function formatDayInZone(iso: string, timeZone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso))
}

/**
 * The zones a time-zone select offers: the runtime's list (what the API checks against), plus a saved zone
 * the list spells otherwise (ICU lists Asia/Calcutta; the API also takes Asia/Kolkata), so the select shows
 * what is saved instead of silently falling back to its first choice.
 */
export function timeZoneChoices(saved?: string | null): string[] {
  const zones = Intl.supportedValuesOf('timeZone')
  if (!saved || saved === 'UTC' || zones.includes(saved)) return ['UTC', ...zones]
  return ['UTC', ...[...zones, saved].sort()]
}
