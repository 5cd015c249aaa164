// Personal API tokens (F2.2): minted by a signed-in member for their workspace, shown once, stored as
// SHA-256. They act with the owner's current role; RLS lets owners, admins and (for a rep's tokens) managers
// see and revoke them (ADR 0167).
import { schema, type Tx } from '@aura/db'
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { randomToken, sha256Hex } from '../../lib/tokens.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { API_TOKEN_PREFIX } from '../auth/presented-credential.ts'

const { apiTokens: t } = schema
const DAY_MS = 24 * 60 * 60 * 1000
/** Enough to tell tokens apart in a list ("aura_3fkQx9…"); far too little to guess the rest. */
const DISPLAY_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6

const publicColumns = {
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  expiresAt: t.expiresAt,
}

/** The caller's own live tokens (admins can see others' through RLS, but this list is personal). */
export function listApiTokens(tx: Tx, actor: Pick<Actor, 'userId'>) {
  return tx
    .select(publicColumns)
    .from(t)
    .where(and(eq(t.userId, actor.userId), isNull(t.revokedAt)))
    .orderBy(desc(t.createdAt), desc(t.id))
}

export async function createApiToken(
  tx: Tx,
  { actor, input }: { actor: Actor; input: { name: string; expiresInDays?: number | undefined } },
) {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null
  const [row] = await tx
    .insert(t)
    .values({
      tenantId: actor.tenantId,
      userId: actor.userId,
      name: input.name,
      tokenHash: await sha256Hex(token),
      prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      expiresAt,
    })
    .returning(publicColumns)
  if (!row) throw new Error('insert returned no row')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'api_token.created',
    actorUserId: actor.userId,
    entityType: 'api_token',
    entityId: row.id,
    after: { name: row.name, prefix: row.prefix, expiresAt: row.expiresAt },
    requestId: actor.requestId,
  })
  return { ...row, token }
}

/** Revokes a token the caller may see (their own; any for admins; a rep's for managers; by RLS). */
export async function revokeApiToken(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const [row] = await tx
    .update(t)
    .set({ revokedAt: new Date() })
    .where(and(eq(t.id, id), isNull(t.revokedAt)))
    .returning({ id: t.id, userId: t.userId, name: t.name })
  if (!row) throw notFound('API token')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'api_token.revoked',
    actorUserId: actor.userId,
    entityType: 'api_token',
    entityId: row.id,
    before: { name: row.name, ownerUserId: row.userId },
    requestId: actor.requestId,
  })
}
