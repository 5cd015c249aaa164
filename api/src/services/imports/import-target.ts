// What an import needs to know about one kind of record (ADR 0174). The engine (run-import.ts) reads a
// batch of rows, asks the target to check them, to find the records they match, and to write them; each
// method handles the whole batch in a few statements, so a 10,000-row file costs tens of round trips per
// batch of 500, not several per row. Every write runs in the importing member's tenant transaction: their
// policies decide what they can match, create and update, exactly as for a single write.
import type { Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import type { FieldError } from '../../lib/problem.ts'

/** A field a column can fill. Custom fields are `customFields.<key>`. */
export interface ImportField {
  key: string
  label: string
  /** Header names (lower-case letters and digits only) that map to it without asking. */
  aliases: string[]
}

/** A row's cells by field key; empty cells are absent. */
export type MappedRow = Record<string, string>

/**
 * A row checked and resolved: the values to write and its duplicate key (e.g. the e-mail) if any; and what
 * would stop it from creating a record (a required field left empty) while it may still update one.
 */
export type PreparedRow<V> =
  | { ok: true; values: V; key: string | null; createErrors: FieldError[] }
  | { ok: false; errors: FieldError[] }

/** A live record that a row's duplicate key matched, with its current values of every importable field. */
export interface ExistingRecord {
  id: string
  current: Record<string, unknown>
}

export interface ImportTarget<V> {
  /** Why a row was refused by a unique key it could not see (the single write's 409 message). */
  uniqueRefusal: string
  fields(tx: Tx, tenantId: string): Promise<ImportField[]>
  /** Fields of which at least one must be mapped (e.g. a contact's first name or full name). */
  requiredOneOf: string[]
  prepare(tx: Tx, actor: Actor, rows: MappedRow[]): Promise<PreparedRow<V>[]>
  /** Live records the actor can see, by duplicate key (normalised as `prepare` makes keys). */
  findExisting(tx: Tx, tenantId: string, keys: string[]): Promise<Map<string, ExistingRecord>>
  /** Inserts with the given ids; returns the ids that a unique key refused (a record the actor cannot see). */
  insert(tx: Tx, actor: Actor, rows: { id: string; values: V }[], importId: string): Promise<Set<string>>
  /** Applies each row's values over the record; returns what each replaced, for undo. */
  update(
    tx: Tx,
    actor: Actor,
    rows: { record: ExistingRecord; values: V }[],
    importId: string,
  ): Promise<Map<string, Record<string, unknown>>>
  /** Undo: soft-deletes records the import created. */
  remove(tx: Tx, actor: Actor, ids: string[], importId: string): Promise<void>
  /** Undo: puts back the values an update replaced. */
  restore(
    tx: Tx,
    actor: Actor,
    rows: { id: string; before: Record<string, unknown> }[],
    importId: string,
  ): Promise<void>
}
