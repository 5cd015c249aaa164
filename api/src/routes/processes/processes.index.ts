import type { Deps } from '../../context.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { requireStepUp } from '../../middleware/step-up.ts'
import { createProcess } from '../../services/processes/create-process.ts'
import { createStage } from '../../services/processes/create-stage.ts'
import { deleteProcess } from '../../services/processes/delete-process.ts'
import { deleteStage } from '../../services/processes/delete-stage.ts'
import { addLostReason, archiveLostReason, listLostReasons } from '../../services/processes/lost-reasons.ts'
import { getProcess, listProcesses } from '../../services/processes/process-view.ts'
import { reorderStages } from '../../services/processes/reorder-stages.ts'
import { updateProcess } from '../../services/processes/update-process.ts'
import { updateStage } from '../../services/processes/update-stage.ts'
import * as reasons from './lost-reasons.routes.ts'
import * as routes from './processes.routes.ts'

/** Admins configure (processes.manage); every member reads (F4.1). RLS refuses non-admin writes as well. */
export const processRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.listProcesses, async (c) => {
      const actor = requireMember(c, 'processes.read')
      const { includeArchived } = c.req.valid('query')
      return c.json({ data: await memberTx(deps, actor, (tx) => listProcesses(tx, includeArchived)) }, 200)
    })
    .openapi(routes.getProcess, async (c) => {
      const actor = requireMember(c, 'processes.read')
      return c.json(await memberTx(deps, actor, (tx) => getProcess(tx, c.req.valid('param').id)), 200)
    })
    .openapi(routes.createProcess, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const body = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => createProcess(tx, { actor, input: body })), 201)
    })
    .openapi(routes.updateProcess, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      return c.json(await memberTx(deps, actor, (tx) => updateProcess(tx, { actor, id, input: body })), 200)
    })
    .openapi(routes.deleteProcess, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      requireStepUp(c)
      await memberTx(deps, actor, (tx) => deleteProcess(tx, { actor, id: c.req.valid('param').id }))
      return c.body(null, 204)
    })
    .openapi(routes.createStage, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      return c.json(
        await memberTx(deps, actor, (tx) => createStage(tx, { actor, processId: id, input: body })),
        201,
      )
    })
    .openapi(routes.reorderStages, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const { id } = c.req.valid('param')
      const { stageIds } = c.req.valid('json')
      return c.json(
        { data: await memberTx(deps, actor, (tx) => reorderStages(tx, { actor, processId: id, stageIds })) },
        200,
      )
    })
    .openapi(routes.updateStage, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const { id, stageId } = c.req.valid('param')
      const body = c.req.valid('json')
      return c.json(
        await memberTx(deps, actor, (tx) => updateStage(tx, { actor, processId: id, stageId, input: body })),
        200,
      )
    })
    .openapi(routes.deleteStage, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const { id, stageId } = c.req.valid('param')
      const { moveTo } = c.req.valid('query')
      await memberTx(deps, actor, (tx) => deleteStage(tx, { actor, processId: id, stageId, moveTo }))
      return c.body(null, 204)
    })
    .openapi(reasons.listLostReasons, async (c) => {
      const actor = requireMember(c, 'processes.read')
      const { id } = c.req.valid('param')
      return c.json({ data: await memberTx(deps, actor, (tx) => listLostReasons(tx, id)) }, 200)
    })
    .openapi(reasons.createLostReason, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const { id } = c.req.valid('param')
      const { label } = c.req.valid('json')
      return c.json(
        await memberTx(deps, actor, (tx) => addLostReason(tx, { actor, processId: id, label })),
        201,
      )
    })
    .openapi(reasons.archiveLostReason, async (c) => {
      const actor = requireMember(c, 'processes.manage')
      const { id, reasonId } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => archiveLostReason(tx, { actor, processId: id, reasonId }))
      return c.body(null, 204)
    })
