// Primary keys are global, so a restored row gets a new id and every reference follows it. References by
// foreign key must land on a row of the archive; other ids (created_by, audit entity ids, ids inside audit
// JSON) are mapped when the archive holds their row and kept otherwise (a platform admin, a purged user,
// a stage deleted before the archive was made: they refer to nothing in the workspace either way).

export class IdMap {
  private readonly ids = new Map<string, { table: string; id: string }>()

  constructor(sourceTenantId: string, targetTenantId: string) {
    this.ids.set(sourceTenantId, { table: 'tenants', id: targetTenantId })
  }

  /** Gives an archived row its new id; false when the id was already taken by another archived row. */
  assign(table: string, oldId: string, newId: string = crypto.randomUUID()): boolean {
    if (this.ids.has(oldId)) return false
    this.ids.set(oldId, { table, id: newId })
    return true
  }

  /** Points an archived row at a row that already exists (a member found by email). */
  redirect(table: string, oldId: string, existingId: string): void {
    this.ids.set(oldId, { table, id: existingId })
  }

  has(table: string, oldId: string): boolean {
    return this.ids.get(oldId)?.table === table
  }

  /** The new id of a row of `table`; throws when the archive holds no such row (checked before writing). */
  of(table: string, oldId: string): string {
    const entry = this.ids.get(oldId)
    if (entry?.table !== table) throw new Error(`${table} ${oldId} is not in the archive`)
    return entry.id
  }

  /** A loose id: mapped when the archive holds its row, kept otherwise. */
  loose(value: string): string {
    return this.ids.get(value)?.id ?? value
  }

  /** Every string in a JSON value that is an archived id, mapped (audit before/after snapshots). */
  deep(value: unknown): unknown {
    if (typeof value === 'string') return this.loose(value)
    if (Array.isArray(value)) return value.map((v) => this.deep(v))
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)]))
    return value
  }

  get size(): number {
    return this.ids.size
  }
}
