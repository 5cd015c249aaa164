import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import * as notifications from '../../services/notifications/notifications.ts'
import * as preferences from '../../services/notifications/preferences.ts'
import * as routes from './notifications.routes.ts'

/** Every member reads and marks their own notifications and sets their own preferences (ADR 0169). */
export const notificationRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listNotifications, async (c) => {
      const actor = requireMember(c)
      const query = c.req.valid('query')
      return c.json(
        await memberTx(deps, actor, (tx) => notifications.listNotifications(tx, actor, query)),
        200,
      )
    })
    .openapi(routes.countUnread, async (c) => {
      const actor = requireMember(c)
      return c.json(await memberTx(deps, actor, (tx) => notifications.countUnread(tx, actor)), 200)
    })
    .openapi(routes.markRead, async (c) => {
      const actor = requireMember(c)
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => notifications.markRead(tx, actor, input)), 200)
    })
    .openapi(routes.getPreferences, async (c) => {
      const actor = requireMember(c)
      const data = await memberTx(deps, actor, (tx) => preferences.getPreferences(tx, actor))
      return c.json({ data }, 200)
    })
    .openapi(routes.setPreferences, async (c) => {
      const actor = requireMember(c)
      const input = c.req.valid('json')
      const data = await memberTx(deps, actor, (tx) => preferences.setPreferences(tx, actor, input))
      return c.json({ data }, 200)
    })
