// Overload protection for pages. The process admits at most API_MAX_IN_FLIGHT requests at once, with a
// bounded, time-limited queue in front (api/src/middleware/shed-load.ts); a page counts as one request,
// whatever number of API calls its loaders then make in-process (those pass the gauge as already
// admitted). Refusing at the door costs nothing; refusing a page's third API call would throw away the
// work of its first two and still fail the page.
import type { LoadGauge } from '@aura/api/middleware/shed-load'

const BUSY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport"
content="width=device-width, initial-scale=1"><title>Busy · Aura CRM</title></head><body>
<main><h1>Aura is busy</h1><p>Too many requests at once. Please try again in a moment.</p></main></body></html>`

/** Runs `render` once the gauge admits the page; a refused page is a 503 with Retry-After. */
export function pageAdmission(gauge: LoadGauge | undefined) {
  return async (render: () => Promise<Response>): Promise<Response> => {
    if (!gauge) return render()
    if (!(await gauge.enter())) {
      return new Response(BUSY_PAGE, {
        status: 503,
        headers: {
          'Retry-After': String(gauge.retryAfterSeconds),
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
        },
      })
    }
    try {
      return await render()
    } finally {
      gauge.leave()
    }
  }
}
