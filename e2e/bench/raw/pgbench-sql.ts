// A recorded statement as a pgbench command for `-M prepared`: each bound value `$n` becomes a pgbench
// variable (`:name`, defined with -D), so pgbench sends it as a parameter of a named prepared statement,
// as a driver would. NULLs and empty strings are written inline (-D cannot define either). pgbench reads any `:word` as a
// variable, so string literals that contain one (a to_char format like 'HH24:MI') are rewritten as the
// same value in escape-string form with the colon as \072, and the command is put on one line.

export interface PgbenchCommand {
  command: string
  vars: [name: string, value: string][]
}

const IDENT = /[A-Za-z0-9_]/

export function toPgbenchCommand(text: string, params: (string | null)[], prefix: string): PgbenchCommand {
  const vars: [string, string][] = []
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    const next = text[i + 1] ?? ''
    if (ch === "'" || ((ch === 'E' || ch === 'e') && next === "'" && !IDENT.test(text[i - 1] ?? ''))) {
      const escaped = ch !== "'"
      const end = endOfLiteral(text, escaped ? i + 1 : i, escaped)
      out += literal(text.slice(escaped ? i + 2 : i + 1, end), escaped)
      i = end + 1
    } else if (ch === '"') {
      const end = text.indexOf('"', i + 1)
      out += text.slice(i, end + 1)
      i = end + 1
    } else if (ch === '-' && next === '-') {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end
    } else if (ch === '/' && next === '*') {
      i = text.indexOf('*/', i) + 2
    } else if (ch === '$' && /\d/.test(next)) {
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0] ?? ''
      const value = params[Number(digits) - 1]
      if (value === undefined) throw new Error(`pgbench-sql: no value for $${digits}`)
      if (value === null) out += 'NULL'
      else if (value === '')
        out += "''" // -D cannot define an empty variable
      else {
        const name = `${prefix}_${digits}`
        vars.push([name, value])
        out += `:${name}`
      }
      i += 1 + digits.length
    } else if (ch === '$' && /[A-Za-z_$]/.test(next) && /^\$[A-Za-z_]*\$/.test(text.slice(i))) {
      // A dollar-quoted body ($$ … $$ or $tag$ … $tag$): kept on one line as an escape string.
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0] as string
      const end = text.indexOf(tag, i + tag.length)
      out += literal(text.slice(i + tag.length, end).replaceAll("'", "''"), false)
      i = end + tag.length
    } else if (ch === ':' && next !== ':' && text[i - 1] !== ':' && IDENT.test(next)) {
      out += ': ' // an array slice [a:b]: a space keeps pgbench from reading a variable
      i += 1
    } else if (/\s/.test(ch)) {
      if (!out.endsWith(' ')) out += ' '
      i += 1
    } else {
      out += ch
      i += 1
    }
  }
  return { command: `${out.trim().replace(/;$/, '')};`, vars }
}

/** Index of the closing quote of a literal opening at `start` ('' doubles; backslash escapes in E''). */
function endOfLiteral(text: string, start: number, escaped: boolean): number {
  let i = start + 1
  for (;;) {
    const ch = text[i]
    if (ch === undefined) throw new Error('pgbench-sql: unterminated string literal')
    if (escaped && ch === '\\') i += 2
    else if (ch === "'" && text[i + 1] === "'") i += 2
    else if (ch === "'") return i
    else i += 1
  }
}

/** The literal's body (as written between the quotes) back as a literal pgbench leaves alone. */
function literal(body: string, isEscapeString: boolean): string {
  if (!/:[A-Za-z0-9_]|[\r\n]/.test(body)) return isEscapeString ? `E'${body}'` : `'${body}'`
  const escaped = (isEscapeString ? body : body.replaceAll('\\', '\\\\'))
    .replaceAll(':', '\\072')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
  return `E'${escaped}'`
}
