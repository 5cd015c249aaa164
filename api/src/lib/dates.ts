/** A nullable timestamp as the API writes it: ISO 8601 text or null. */
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)
