// Reading an uploaded CSV (issue 15, ADR 0174): the bytes' encoding, the delimiter, and RFC 4180 records.
// Spreadsheets save CSV as UTF-8 (often with a byte-order mark) or, on Windows, as Windows-1252; Excel in
// much of Europe separates with ';'. Decoding is done here, not by TextDecoder's legacy labels, because
// Workers' TextDecoder knows UTF-8 only.

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252'
export type CsvDelimiter = ',' | ';'

// Windows-1252 0x80–0x9F (the rest of the byte range is Latin-1, i.e. the same code point); 0 = unassigned.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
]

export class CsvUnreadable extends Error {}

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else Windows-1252. NUL bytes: not text. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.includes(0)) throw new CsvUnreadable('The file contains NUL bytes: it is not a text CSV file')
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      encoding: bom ? 'utf-8-bom' : 'utf-8',
    }
  } catch {
    let text = ''
    for (const b of body) {
      const code = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b
      if (!code) throw new CsvUnreadable('The file is neither UTF-8 nor Windows-1252 text')
      text += String.fromCharCode(code)
    }
    return { text, encoding: 'windows-1252' }
  }
}

/** ',' unless the header line (outside quotes) has more ';' than ','. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch === ',') commas++
    else if (!quoted && ch === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

/**
 * RFC 4180 records: quoted cells may hold the delimiter, "" and line breaks; CRLF, LF or CR end a record;
 * blank lines are skipped. Stops with CsvUnreadable past `maxRecords` or at an unterminated quote.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, maxRecords: number): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const endRecord = () => {
    record.push(cell)
    cell = ''
    if (record.length > 1 || record[0] !== '') {
      if (records.length >= maxRecords)
        throw new CsvUnreadable(`The file has more than ${maxRecords - 1} rows: split it into smaller files`)
      records.push(record)
    }
    record = []
  }
  while (i < text.length) {
    const ch = text[i++]
    if (quoted) {
      if (ch !== '"') cell += ch
      else if (text[i] === '"') {
        cell += '"'
        i++
      } else quoted = false
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === delimiter) {
      record.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i] === '\n') i++
      endRecord()
    } else cell += ch
  }
  if (quoted) throw new CsvUnreadable('A quoted cell is never closed: the file is cut short or not CSV')
  if (cell !== '' || record.length > 0) endRecord()
  return records
}
