// RFC 4180 CSV cells. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
// apostrophe: an exported CRM field must never execute in the admin's spreadsheet (CSV injection).
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvRow = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`
