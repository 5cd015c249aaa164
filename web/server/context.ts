import { REQUEST_ID_HEADER, requestIdFrom } from '@aura/api/lib/request-id'
import type { NodeApi } from '@aura/api/node'
import type { AppLoadContext } from '@remix-run/node'
import '../app/load-context.ts'

/**
 * Builds each request's load context. The API runs in this process, so `apiFetch` hands the Request
 * straight to the API app: no socket, no DNS (Node cannot resolve `*.localhost`), and the URL's
 * hostname (the tenant) arrives intact.
 */
export function loadContextFor(api: NodeApi) {
  /** `clientIp` is the socket's address: the API's per-IP login and reset limits apply to web forms too. */
  return (request: Request, clientIp: string | null, cspNonce?: string): AppLoadContext => {
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER))
    // A page view counts once toward the user's rate limit (NFR-S7), however many API calls its loaders
    // make in parallel: only this request's first in-process call counts (see CallerFacts in the API).
    let calls = 0
    const apiFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      api.app.fetch(new Request(input, init), {
        aura: { clientIp, countsTowardUserLimit: calls++ === 0, admitted: true },
      })) as typeof fetch
    return {
      apiFetch,
      requestId,
      log: api.logger.child({ requestId, layer: 'web' }),
      rootDomain: api.config.ROOT_DOMAIN,
      ...(cspNonce ? { cspNonce } : {}),
    }
  }
}
