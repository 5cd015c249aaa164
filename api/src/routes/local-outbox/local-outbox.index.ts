import type { Deps } from '../../context.ts'
import { isLocalEmailMode } from '../../lib/email/transport.ts'
import { AppError } from '../../lib/problem.ts'
import { createRouter } from '../../lib/router.ts'
import { listLocalOutbox } from '../../services/email/list-local-outbox.ts'
import * as routes from './local-outbox.routes.ts'

/**
 * Reads every tenant's mail without signing in, which is only acceptable on a developer's machine. It is
 * therefore opt-in (LOCAL_OUTBOX=1, which `npm start` sets for the local demo) and refused whatever the
 * flag says with NODE_ENV=production or a Resend key (a deployment that copied the flag, or forgot its
 * key, must not publish password-reset links): a 404 like any unknown path. ADR 0149.
 */
export const localOutboxRoutes = (deps: Deps) =>
  createRouter().openapi(routes.listOutbox, async (c) => {
    const { config } = deps
    const enabled =
      config.LOCAL_OUTBOX === '1' && config.NODE_ENV !== 'production' && isLocalEmailMode(config)
    if (!enabled || c.get('site').kind !== 'root') {
      throw new AppError('not_found', 'No such endpoint')
    }
    const rows = await listLocalOutbox(deps.db)
    return c.json({ data: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200)
  })
