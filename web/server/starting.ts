// What the server answers before the API has booted (database still being reached, migrations running):
// 503 with Retry-After, as problem+json for the API and a short page for people.
const RETRY_AFTER = '5'

export function startingResponse(request: Request): Response {
  const headers = { 'Retry-After': RETRY_AFTER, 'Cache-Control': 'no-store' }
  if (new URL(request.url).pathname.startsWith('/api/')) {
    const body = {
      type: 'https://aura.dev/problems/database-unavailable',
      title: 'Aura is starting; retry shortly',
      status: 503,
      code: 'database_unavailable',
    }
    return new Response(JSON.stringify(body), {
      status: 503,
      headers: { ...headers, 'Content-Type': 'application/problem+json' },
    })
  }
  const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport"
content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${RETRY_AFTER}">
<title>Starting · Aura CRM</title></head><body style="font-family:system-ui,sans-serif;margin:3rem auto;
max-width:30rem;padding:0 1rem"><h1>Aura is starting</h1><p>This page reloads by itself in a few
seconds.</p></body></html>`
  return new Response(page, {
    status: 503,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
  })
}
