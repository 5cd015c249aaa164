// Names in a file resolved to ids, a batch at a time: organizations by name (case-insensitive) and members
// by e-mail or name. One query each per batch, through the importing member's policies.
import { schema, type Tx } from '@aura/db'
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { can } from '../../lib/permissions.ts'
import type { FieldError } from '../../lib/problem.ts'

const lower = (s: string) => s.trim().toLowerCase()

/** Live organizations by lower-cased name; a name shared by several maps to null (ambiguous). */
export async function organizationsByName(tx: Tx, tenantId: string, names: string[]) {
  const found = new Map<string, string | null>()
  const wanted = [...new Set(names.map(lower))]
  if (wanted.length === 0) return found
  const o = schema.organizations
  const rows = await tx
    .select({ id: o.id, name: sql<string>`lower(${o.name})` })
    .from(o)
    .where(and(eq(o.tenantId, tenantId), isNull(o.deletedAt), inArray(sql`lower(${o.name})`, wanted)))
  for (const r of rows) found.set(r.name, found.has(r.name) ? null : r.id)
  return found
}

/** The organization a cell names, or the error that says why not. */
export function organizationOf(found: Map<string, string | null>, name: string): string | FieldError {
  const id = found.get(lower(name))
  if (id) return id
  return {
    field: 'organization',
    message:
      id === null
        ? `Several organizations are named "${name.trim()}": set it on the contact by hand`
        : `No organization is named "${name.trim()}": import the organizations first`,
  }
}

/** Active members by lower-cased e-mail and name. */
export async function membersByNameOrEmail(tx: Tx, tenantId: string, cells: string[]) {
  const found = new Map<string, string | null>()
  const wanted = [...new Set(cells.map(lower))]
  if (wanted.length === 0) return found
  const u = schema.users
  const rows = await tx
    .select({ id: u.id, email: sql<string>`lower(${u.email})`, name: sql<string | null>`lower(${u.name})` })
    .from(u)
    .where(
      and(
        eq(u.tenantId, tenantId),
        eq(u.status, 'active'),
        or(inArray(sql`lower(${u.email})`, wanted), inArray(sql`lower(${u.name})`, wanted)),
      ),
    )
  for (const r of rows) {
    found.set(r.email, r.id)
    if (r.name) found.set(r.name, found.has(r.name) && found.get(r.name) !== r.id ? null : r.id)
  }
  return found
}

/**
 * The owner a cell names (empty: the importing member). A rep may own only what they import themselves,
 * as with a single write (records.reassign).
 */
export function ownerOf(
  actor: Actor,
  found: Map<string, string | null>,
  cell: string | undefined,
): string | FieldError {
  if (!cell) return actor.userId
  const id = found.get(lower(cell))
  if (!id)
    return {
      field: 'owner',
      message:
        id === null
          ? `Several members are named "${cell.trim()}": use their e-mail`
          : `"${cell.trim()}" is not an active member of this workspace`,
    }
  if (id !== actor.userId && !can(actor.role, 'records.reassign'))
    return { field: 'owner', message: 'Only managers and admins may import records for someone else' }
  return id
}
