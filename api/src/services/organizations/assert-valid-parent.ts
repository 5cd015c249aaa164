import { schema, type Tx } from '@aura/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { AppError } from '../../lib/problem.ts'

const refuse = (message: string) =>
  new AppError('unprocessable', message, { errors: [{ field: 'parentId', message }] })

/**
 * A parent must be a live organization of this tenant, and making it the parent of `selfId` must not close
 * a loop: walk up from the proposed parent (recursive CTE, depth-capped so a bad row can never spin) and
 * refuse when `selfId` is among its ancestors.
 */
export async function assertValidParent(
  tx: Tx,
  { tenantId, parentId, selfId }: { tenantId: string; parentId: string; selfId?: string },
) {
  if (parentId === selfId) throw refuse('An organization cannot be its own parent')
  const o = schema.organizations
  const [parent] = await tx
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.tenantId, tenantId), eq(o.id, parentId), isNull(o.deletedAt)))
  if (!parent) throw refuse('The parent organization does not exist in this workspace')
  if (!selfId) return
  const result = (await tx.execute(sql`
    with recursive ancestors(id, parent_id, depth) as (
      select id, parent_id, 0 from organizations where tenant_id = ${tenantId} and id = ${parentId}
      union all
      select o.id, o.parent_id, a.depth + 1
        from organizations o join ancestors a on o.tenant_id = ${tenantId} and o.id = a.parent_id
        where a.depth < 1000
    )
    select exists (select 1 from ancestors where id = ${selfId}) as "cycle"`)) as unknown as {
    rows: { cycle: boolean }[]
  }
  if (result.rows[0]?.cycle)
    throw refuse('This parent is a subsidiary of the organization: that would be a loop')
}
