// Remix's default Node entry, trimmed, plus `handleError`: unexpected errors go to the structured log
// with the request id (the page itself shows only the friendly error boundary).
import { PassThrough } from 'node:stream'
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleErrorFunction,
} from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from './lib/nonce.tsx'

const STREAM_TIMEOUT_MS = 5_000

export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Crawlers get the whole document at once; browsers get the shell as soon as it is ready.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  // Every inline script (Remix's hydration data, React's streaming) carries the CSP nonce (ADR 0146).
  const nonce = loadContext.cspNonce ?? ''
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={STREAM_TIMEOUT_MS} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          headers.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { headers, status }))
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          status = 500
          // Errors before the shell reject above and are reported through handleError.
          if (shellRendered) loadContext.log.error('render error', { error: describe(error) })
        },
      },
    )
    setTimeout(abort, STREAM_TIMEOUT_MS + 1_000)
  })
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // Aborted requests and thrown responses (404s, redirects) are expected, not failures.
  if (request.signal.aborted || isRouteErrorResponse(error) || error instanceof Response) return
  context.log.error('unhandled web error', { path: new URL(request.url).pathname, error: describe(error) })
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'non-error thrown'
}
