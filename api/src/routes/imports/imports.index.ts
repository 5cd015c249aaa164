import type { Context } from 'hono'
import type { AppEnv, Deps } from '../../context.ts'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { memberTx, requireMember } from '../../middleware/auth.ts'
import { createImport } from '../../services/imports/create-import.ts'
import { mapImport, rejectedRowsCsv, startImport, undoImport } from '../../services/imports/import-actions.ts'
import { findImport, importView, isStalled, listImports } from '../../services/imports/import-view.ts'
import { runImport } from '../../services/imports/run-import.ts'
import * as routes from './imports.routes.ts'

/** The upload's path: app.ts gives it the import's body limit instead of the JSON API's. */
export const IMPORT_UPLOAD_PATH = '/api/v1/imports'

/**
 * The run goes on after the answer: on Workers through waitUntil, on Node as a promise of the server. A
 * run that dies with its process is resumed by the next look at the import (isStalled).
 */
function runInBackground(c: Context<AppEnv>, deps: Deps, actor: Actor, id: string) {
  const work = runImport(deps.db, actor, id).catch((err: Error) =>
    c.get('log').error('import run failed', { importId: id, error: err.name }),
  )
  try {
    c.executionCtx.waitUntil(work)
  } catch {
    // Node: no execution context; the promise runs on in the server.
  }
}

const viewOf = async (deps: Deps, actor: Actor, id: string) =>
  memberTx(deps, actor, async (tx) => {
    const imp = await findImport(tx, actor.tenantId, id)
    if (!imp) throw notFound('Import')
    return { imp, view: await importView(tx, actor, imp) }
  })

const fileNameOf = (file: Blob) =>
  ('name' in file && typeof file.name === 'string' ? file.name : '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim()

export const importRoutes = (deps: Deps) =>
  createRouter()
    .openapi(routes.createImport, async (c) => {
      const actor = requireMember(c)
      const { entity, file } = c.req.valid('form')
      const bytes = new Uint8Array(await file.arrayBuffer())
      const id = await memberTx(deps, actor, (tx) =>
        createImport(tx, { actor, entity, fileName: fileNameOf(file), bytes }),
      )
      return c.json((await viewOf(deps, actor, id)).view, 201)
    })
    .openapi(routes.listImports, async (c) => {
      const actor = requireMember(c)
      return c.json(await memberTx(deps, actor, (tx) => listImports(tx, actor, c.req.valid('query'))), 200)
    })
    .openapi(routes.getImport, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const { imp, view } = await viewOf(deps, actor, id)
      if (isStalled(imp)) runInBackground(c, deps, actor, id)
      return c.json(view, 200)
    })
    .openapi(routes.mapImport, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => mapImport(tx, { actor, id, ...c.req.valid('json') }))
      return c.json((await viewOf(deps, actor, id)).view, 200)
    })
    .openapi(routes.startImport, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => startImport(tx, { actor, id }))
      runInBackground(c, deps, actor, id)
      return c.json((await viewOf(deps, actor, id)).view, 202)
    })
    .openapi(routes.undoImport, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      await memberTx(deps, actor, (tx) => undoImport(tx, { actor, id }))
      runInBackground(c, deps, actor, id)
      return c.json((await viewOf(deps, actor, id)).view, 202)
    })
    .openapi(routes.rejectedRows, async (c) => {
      const actor = requireMember(c)
      const { id } = c.req.valid('param')
      const csv = await memberTx(deps, actor, (tx) => rejectedRowsCsv(tx, actor, id))
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="rejected-rows-${id}.csv"`,
        'Cache-Control': 'no-store',
      })
    })
