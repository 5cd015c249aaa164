// One request's statements as units of work: each transaction (BEGIN … COMMIT on one connection) or lone
// statement, in the order they started. A unit that switches to crm_app is the tenant transaction; the
// rest is the request's own bookkeeping (tenant lookup, credential, rate limit).
import type { WireStatement } from './wire-proxy.ts'

export interface SqlUnit {
  statements: WireStatement[]
  /** Runs as crm_app under RLS (the tenant transaction). */
  tenant: boolean
}

export interface RequestSql {
  units: SqlUnit[]
}

const BEGIN = /^\s*(begin|start\s+transaction)\b/i
const END = /^\s*(commit|rollback|end)\b/i
const BINDS_APP_ROLE = /set_config\(\s*'role',\s*'crm_app'|set\s+(local\s+)?role\s+crm_app\b/i
const WRITE = /^\s*(with\b[\s\S]*\b)?(insert|update|delete|merge)\b/i

export function toUnits(statements: WireStatement[]): SqlUnit[] {
  const open = new Map<number, WireStatement[]>()
  const units: { first: number; statements: WireStatement[] }[] = []
  for (const s of [...statements].sort((a, b) => a.seq - b.seq)) {
    const current = open.get(s.conn)
    if (current) {
      current.push(s)
      if (END.test(s.text)) open.delete(s.conn)
    } else if (BEGIN.test(s.text)) {
      const unit = [s]
      open.set(s.conn, unit)
      units.push({ first: s.seq, statements: unit })
    } else units.push({ first: s.seq, statements: [s] })
  }
  return units
    .sort((a, b) => a.first - b.first)
    .map((u) => ({ statements: u.statements, tenant: u.statements.some(bindsAppRole) }))
}

// The role may be a literal or a bound value; the privileged path (crm_platform) is not the tenant's.
const bindsAppRole = (s: WireStatement) =>
  BINDS_APP_ROLE.test(s.text) || (/set_config\(\s*'role'/i.test(s.text) && s.params.includes('crm_app'))

/** Statement and transaction counts, and whether anything was written: the request's database cost. */
export function sqlShape(sql: RequestSql) {
  const statements = sql.units.reduce((n, u) => n + u.statements.length, 0)
  const transactions = sql.units.filter((u) => BEGIN.test(u.statements[0]?.text ?? '')).length
  const writes = sql.units.flatMap((u) => u.statements).filter((s) => WRITE.test(s.text)).length
  return { statements, transactions, writes }
}

/** The tenant transactions only: the request's own SQL without the identity work around it. */
export const tenantOnly = (sql: RequestSql): RequestSql => ({ units: sql.units.filter((u) => u.tenant) })
