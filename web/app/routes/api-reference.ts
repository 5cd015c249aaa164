// GET /api-reference: the API reference (ADR 0162). A resource route, so the page is exactly the HTML
// below: no Remix scripts, no app stylesheet to fight Swagger UI's. The files come from our own build
// (hashed under /assets, cached for a year), so the pages' CSP (script-src 'self' + nonce) covers them.
import type { LoaderFunctionArgs } from '@remix-run/node'
import swaggerStyles from 'swagger-ui-dist/swagger-ui.css?url'
import swaggerScript from 'swagger-ui-dist/swagger-ui-bundle.js?url'
import pageStyles from '~/api-reference.css?url'
import { openApiDocument, referencePage } from '~/lib/api-reference.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const doc = await openApiDocument(request, context)
  const html = referencePage(doc, {
    script: swaggerScript,
    styles: [swaggerStyles, pageStyles],
    ...(context.cspNonce ? { nonce: context.cspNonce } : {}),
  })
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}
