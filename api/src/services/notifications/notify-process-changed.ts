// A process's stages or name changed (F15.2, ADR 0171): the members who sell in it hear of it, in the
// changing transaction. "Who sells in it" is the owners of its open deals: their board and their deals'
// stages are what changed. Members without an open deal there (a rep of another pipeline, a manager who
// owns nothing in it) are not told; the actor never is (notify leaves them out).
import { schema, type Tx } from '@aura/db'
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notify } from './notify.ts'

export async function notifyProcessChanged(tx: Tx, actor: Actor, processId: string): Promise<void> {
  const d = schema.deals
  const owners = await tx
    .selectDistinct({ id: d.assignedUserId })
    .from(d)
    .where(
      and(
        eq(d.tenantId, actor.tenantId),
        eq(d.processId, processId),
        eq(d.status, 'open'),
        isNull(d.deletedAt),
        isNotNull(d.assignedUserId),
      ),
    )
  await notify(
    tx,
    actor,
    owners.map((o) => ({ kind: 'process.changed' as const, recipientUserId: o.id, about: { processId } })),
  )
}
