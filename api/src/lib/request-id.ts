// One request id per request, for the API's middleware and the web server alike: a well-formed incoming
// X-Request-Id (from a proxy or the web server's in-process call) is kept, so one id follows a page view
// through its API calls and into every log line and audit row; anything else is replaced.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

export const REQUEST_ID_HEADER = 'X-Request-Id'

export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
}
