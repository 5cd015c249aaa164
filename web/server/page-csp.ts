// The pages' Content-Security-Policy (ADR 0146). Scripts run only from this origin or inline with this
// response's nonce (Remix's hydration and streaming scripts get it in entry.server.tsx and root.tsx), so
// markup that slipped into a page cannot run script. Styles: our stylesheet, plus style attributes
// (bar widths); dev adds what Vite's HMR needs (injected <style> elements, its WebSocket).
import type { ContentSecurityPolicyOptions } from '@aura/api/lib/security-headers'
import { NONCE } from 'hono/secure-headers'

export function pageCsp(mode: 'production' | 'development'): ContentSecurityPolicyOptions {
  const dev = mode === 'development'
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", NONCE],
    styleSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    // Logos and avatars are https URLs on other sites.
    imgSrc: ["'self'", 'data:', 'https:'],
    connectSrc: dev ? ["'self'", 'ws:'] : ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
  }
}
