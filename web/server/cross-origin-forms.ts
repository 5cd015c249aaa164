// A form posted to a page from another origin (CSRF) is refused here with a 403 page. Remix makes the
// same check inside its action handling but throws a plain Error, which became a 500 page; this runs first
// with the same rule (Origin's host against X-Forwarded-Host, else Host) and answers what it is.
import { createMiddleware } from 'hono/factory'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/** True when the request names an origin (even "null") that is not the host it was sent to. */
export function isCrossOrigin(headers: Headers): boolean {
  const origin = headers.get('origin')
  if (origin === null) return false
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')
  try {
    return !host || new URL(origin).host !== host
  } catch {
    return true
  }
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Refused · Aura CRM</title></head><body><main><h1>This form was sent from another site</h1>
<p>For your safety it was not processed. Go back to Aura CRM and submit it there.</p><p><a href="/">Go to Aura CRM</a></p></main></body></html>`

/** Pages only: the API's answers are decided by the API. */
export const refuseCrossOriginForms = createMiddleware(async (c, next) => {
  if (SAFE.has(c.req.method) || !isCrossOrigin(c.req.raw.headers)) return next()
  return c.html(PAGE, 403)
})
