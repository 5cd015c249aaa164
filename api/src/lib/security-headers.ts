// The security headers every response carries, pages and API alike (issue 11, ADR 0146). Each surface
// brings its own Content-Security-Policy; the rest is one set, so the web and the API cannot drift apart.
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

export type ContentSecurityPolicyOptions = NonNullable<
  NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']
>

/**
 * `overwrite: false`: a handler that knows better (the API's answers passed through the web server) keeps
 * its own header. HSTS is sent on every response: browsers honour it only
 * when it arrives over https (RFC 6797 §8.1), and the Node server behind a TLS proxy cannot tell.
 */
export function securityHeaders(csp: ContentSecurityPolicyOptions): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: { ...csp, frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xContentTypeOptions: 'nosniff',
    // Downloads (CSV, archives) and avatars on other sites need no cross-origin isolation from us.
    crossOriginResourcePolicy: 'same-origin',
    overwrite: false,
  })
}

/** The API answers JSON, CSV and archives: nothing in them may load or run anything. */
export const API_CSP: ContentSecurityPolicyOptions = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
}
