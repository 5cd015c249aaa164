// The API reference page (issue 13, ADR 0162). Swagger UI, served from this origin, renders the OpenAPI
// document the API serves. The HTML underneath is the page without JavaScript: every operation by tag, and
// the link to the document; the init script hides it once Swagger UI has drawn the same thing.
import type { AppLoadContext } from '@remix-run/node'

export const OPENAPI_JSON = '/api/v1/openapi.json'

type Operation = { summary?: string; tags?: string[] }
export interface OpenApiDocument {
  info?: { title?: string; description?: string }
  paths?: Record<string, Record<string, Operation>>
}

export interface ReferenceAssets {
  /** Same-origin URLs of the files the build emitted (hashed names under /assets in production). */
  script: string
  styles: string[]
  /** This response's CSP nonce for the one inline script; absent where no CSP is set. */
  nonce?: string
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

// Static, so it needs no escaping. Try-it-out is off: the page documents, it does not act with the
// reader's session. `validatorUrl: null`: Swagger UI would otherwise send the document's URL to a
// validator on another site. No deep links: they put a link inside each operation's button, which
// screen readers cannot reach (axe nested-interactive).
const INIT = `SwaggerUIBundle({url:${JSON.stringify(OPENAPI_JSON)},dom_id:'#reference',validatorUrl:null,\
supportedSubmitMethods:[],tagsSorter:'alpha',defaultModelsExpandDepth:-1,\
onComplete:function(){document.getElementById('fallback').hidden=true}})`

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** The description is CommonMark; without a renderer, code spans are the part that reads badly raw. */
const inlineMarkdown = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>')

/** The document's operations by tag, tags in alphabetical order (as Swagger UI is configured to show them). */
export function operationsByTag(doc: OpenApiDocument) {
  const byTag = new Map<string, { method: string; path: string; summary: string }[]>()
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue
      const tag = op.tags?.[0] ?? 'Other'
      byTag.set(tag, [
        ...(byTag.get(tag) ?? []),
        { method: method.toUpperCase(), path, summary: op.summary ?? '' },
      ])
    }
  }
  return [...byTag.entries()].sort(([a], [b]) => a.localeCompare(b))
}

function fallback(doc: OpenApiDocument | null): string {
  const link = `<p>The machine-readable document (OpenAPI 3.1): <a href="${OPENAPI_JSON}">${OPENAPI_JSON}</a>.</p>`
  if (!doc)
    return `${link}<p>The list of operations could not be read just now; the document above has them all.</p>`
  const sections = operationsByTag(doc).map(([tag, ops]) => {
    const items = ops.map(
      (o) =>
        `<li><span class="op"><code>${o.method}</code> <code>${esc(o.path)}</code></span>${
          o.summary ? ` <span class="summary">${esc(o.summary)}</span>` : ''
        }</li>`,
    )
    return `<section><h2>${esc(tag)}</h2><ul>${items.join('')}</ul></section>`
  })
  const about = doc.info?.description ? `<p>${inlineMarkdown(doc.info.description)}</p>` : ''
  return `${about}${link}<p class="hint">The full reference (parameters, bodies, answers) needs JavaScript; these are the operations.</p>${sections.join('')}`
}

/** Swagger UI draws its own <main> and <h1>, so ours are the fallback's, hidden once it has drawn. */
export function referencePage(doc: OpenApiDocument | null, assets: ReferenceAssets): string {
  const title = doc?.info?.title ?? 'Aura CRM API'
  const nonce = assets.nonce ? ` nonce="${esc(assets.nonce)}"` : ''
  const styles = assets.styles.map((href) => `<link rel="stylesheet" href="${esc(href)}">`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light">
<title>API reference · Aura CRM</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">${styles}</head>
<body><header class="bar"><a href="/">Aura CRM</a><a href="${OPENAPI_JSON}">OpenAPI document (JSON)</a></header>
<div id="reference"></div><main id="fallback"><h1>${esc(title)}</h1>${fallback(doc)}</main>
<script src="${esc(assets.script)}"></script><script${nonce}>${INIT}</script></body></html>`
}

// The document is built from the route schemas, so it changes only with a deploy; building it costs the
// API about half a second, so each process reads it once (a failed read is tried again next time).
let cached: Promise<OpenApiDocument> | undefined

export function openApiDocument(request: Request, context: AppLoadContext): Promise<OpenApiDocument | null> {
  cached ??= context
    .apiFetch(new URL(OPENAPI_JSON, request.url), { headers: { 'x-request-id': context.requestId } })
    .then((res) => {
      if (!res.ok) throw new Error(`${OPENAPI_JSON} answered ${res.status}`)
      return res.json() as Promise<OpenApiDocument>
    })
  return cached.catch((error: unknown) => {
    cached = undefined
    context.log.warn('API reference: the OpenAPI document could not be read', {
      error: error instanceof Error ? error.message : String(error),
    })
    return null
  })
}
