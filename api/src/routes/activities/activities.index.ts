import type { Tx } from '@aura/db'
import { schema } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Deps } from '../../context.ts'
import { notFound } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { createActivity } from '../../services/activities/create-activity.ts'
import { deleteActivity } from '../../services/activities/delete-activity.ts'
import { listActivities } from '../../services/activities/list-activities.ts'
import { listContactTimeline } from '../../services/activities/list-contact-timeline.ts'
import * as routes from './activities.routes.ts'

/** The contact must be live and visible (RLS) before its activities or timeline are shown. */
async function assertContactVisible(tx: Tx, tenantId: string, id: string) {
  const c = schema.contacts
  const [row] = await tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.id, id), isNull(c.deletedAt)))
  if (!row) throw notFound('Contact')
}

export const activityRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.createActivity, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const activity = await memberTx(deps, actor, (tx) =>
        createActivity(tx, { actor, contactId: id, input: c.req.valid('json') }),
      )
      return c.json(activity, 201)
    })
    .openapi(routes.listContactActivities, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const page = await memberTx(deps, actor, async (tx) => {
        await assertContactVisible(tx, actor.tenantId, id)
        return listActivities(tx, actor.tenantId, { ...c.req.valid('query'), contactId: id })
      })
      return c.json(page, 200)
    })
    .openapi(routes.listActivities, async (c) => {
      const actor = requireMember(c)
      const page = await memberTx(deps, actor, (tx) =>
        listActivities(tx, actor.tenantId, c.req.valid('query')),
      )
      return c.json(page, 200)
    })
    .openapi(routes.deleteActivity, async (c) => {
      const actor = requireMember(c)
      await memberTx(deps, actor, (tx) => deleteActivity(tx, { actor, id: c.req.valid('param').id }))
      return c.body(null, 204)
    })
    .openapi(routes.contactTimeline, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const page = await memberTx(deps, actor, async (tx) => {
        await assertContactVisible(tx, actor.tenantId, id)
        return listContactTimeline(tx, {
          tenantId: actor.tenantId,
          contactId: id,
          page: c.req.valid('query'),
        })
      })
      return c.json(page, 200)
    })
