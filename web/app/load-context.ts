// What the server hands every loader and action. Loaders reach the API only through `apiFetch`
// (see lib/api.server.ts), so no route ever imports database code.
import type { Logger } from '@aura/api/lib/logger'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Calls the API: in-process when web and API share a server, over the network otherwise. */
    apiFetch: typeof fetch
    /** Forwarded to the API as X-Request-Id so one id ties the web and API log lines together. */
    requestId: string
    log: Logger
    /** The bare root domain (the public site); `<slug>.<rootDomain>` is a workspace. */
    rootDomain: string
    /** This response's Content-Security-Policy nonce for inline scripts (absent where no CSP is set). */
    cspNonce?: string
  }

  interface Future {
    v3_singleFetch: true
  }
}
