// The record writes contacts and organizations share in an import: applying a row over a record (and
// keeping what it replaced) and putting those values back on undo, one audit row per record.
import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { auditBatch } from './import-audit.ts'
import type { ExistingRecord } from './import-target.ts'

const tables = { contact: schema.contacts, organization: schema.organizations }
type Entity = keyof typeof tables

/** A row's columns, and its custom field values merged over the record's, written over each record. */
export async function updateEach(
  tx: Tx,
  { actor, entity, importId }: { actor: Actor; entity: Entity; importId: string },
  rows: { record: ExistingRecord; values: { columns: object; customFields?: Record<string, unknown> } }[],
): Promise<Map<string, Record<string, unknown>>> {
  const t = tables[entity] as typeof schema.contacts
  const befores = new Map<string, Record<string, unknown>>()
  const audits: { id: string; before: unknown; after: unknown }[] = []
  for (const { record, values } of rows) {
    const set: Record<string, unknown> = { ...values.columns }
    if (values.customFields)
      set.customFields = { ...(record.current.customFields as object), ...values.customFields }
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, record.current[k] ?? null]))
    await tx
      .update(t)
      .set(set)
      .where(and(eq(t.tenantId, actor.tenantId), eq(t.id, record.id)))
    befores.set(record.id, before)
    audits.push({ id: record.id, before, after: set })
  }
  await auditBatch(tx, actor, importId, `${entity}.updated`, audits)
  return befores
}

/** Undo of updateEach: each live record gets back the values the import replaced. */
export async function restoreEach(
  tx: Tx,
  { actor, entity, importId }: { actor: Actor; entity: Entity; importId: string },
  rows: { id: string; before: Record<string, unknown> }[],
) {
  const t = tables[entity] as typeof schema.contacts
  for (const { id, before } of rows)
    await tx
      .update(t)
      .set(before)
      .where(and(eq(t.tenantId, actor.tenantId), eq(t.id, id), isNull(t.deletedAt)))
  await auditBatch(
    tx,
    actor,
    importId,
    `${entity}.updated`,
    rows.map(({ id, before }) => ({ id, after: before })),
  )
}
