import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import * as tasks from '../../services/tasks/tasks.ts'
import * as routes from './tasks.routes.ts'

/** Every member plans and completes tasks; RLS and the service decide whose (ADR 0168). */
export const taskRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listTasks, async (c) => {
      const actor = requireMember(c)
      const query = c.req.valid('query')
      return c.json(await memberTx(deps, actor, (tx) => tasks.listTasks(tx, actor, query)), 200)
    })
    .openapi(routes.createTask, async (c) => {
      const actor = requireMember(c)
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => tasks.createTask(tx, { actor, input })), 201)
    })
    .openapi(routes.getTask, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      return c.json(await memberTx(deps, actor, (tx) => tasks.getTask(tx, id)), 200)
    })
    .openapi(routes.updateTask, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => tasks.updateTask(tx, { actor, id, input })), 200)
    })
    .openapi(routes.completeTask, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      return c.json(await memberTx(deps, actor, (tx) => tasks.completeTask(tx, { actor, id })), 200)
    })
    .openapi(routes.deleteTask, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => tasks.deleteTask(tx, { actor, id }))
      return c.body(null, 204)
    })
