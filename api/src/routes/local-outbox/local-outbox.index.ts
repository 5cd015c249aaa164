import type { Deps } from '../../context.ts'
import { isLocalEmailMode } from '../../lib/email/transport.ts'
import { AppError } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { listLocalOutbox } from '../../services/email/list-local-outbox.ts'
import * as routes from './local-outbox.routes.ts'

/**
 * Reads every tenant's mail without signing in, which is only acceptable because it exists solely on a
 * developer's machine: with a Resend key configured, or in production on a real domain (a deployment
 * that merely forgot its key must not publish password-reset links), it is a 404 like any unknown path.
 */
export const localOutboxRoutes = (deps: Deps) =>
  createRouter().openapi(routes.listOutbox, async (c) => {
    const { config } = deps
    const onDevMachine = config.NODE_ENV !== 'production' || /(^|\.)localhost$/.test(config.ROOT_DOMAIN)
    if (!isLocalEmailMode(config) || !onDevMachine || c.get('site').kind !== 'root') {
      throw new AppError('not_found', 'No such endpoint')
    }
    const rows = await listLocalOutbox(deps.db)
    return c.json({ data: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200)
  })
