// A readable API reference at /api/docs, rendered on the server from the OpenAPI document: no script,
// no external assets, so it works offline and from a Worker, under a CSP that allows only its own style.
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../context.ts'
import { OPENAPI_INFO } from './openapi.ts'

type Operation = { summary?: string; tags?: string[]; parameters?: { name: string; in: string }[] }

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch)

// The page's only inline content; the CSP names its hash, so nothing else may style, and nothing may run.
const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #e2e8f0;padding:.4rem .5rem;vertical-align:top}code{font-size:13px}`

export function docsPage(v1: OpenAPIHono<AppEnv>) {
  let page: Promise<{ html: string; csp: string }> | undefined
  return async (c: Context<AppEnv>) => {
    page ??= styleHash().then((hash) => ({
      html: render(
        v1.getOpenAPI31Document(OPENAPI_INFO) as { paths?: Record<string, Record<string, Operation>> },
      ),
      csp: `default-src 'none'; style-src '${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    }))
    const { html, csp } = await page
    c.header('Content-Security-Policy', csp)
    return c.html(html)
  }
}

async function styleHash(): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(STYLE))
  return `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`
}

function render(doc: { paths?: Record<string, Record<string, Operation>> }): string {
  const byTag = new Map<string, string[]>()
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Other'
      const params = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
      const row = `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${esc(path)}</code>${
        params.length ? `<br><small>?${esc(params.join(', '))}</small>` : ''
      }</td><td>${esc(op.summary ?? '')}</td></tr>`
      byTag.set(tag, [...(byTag.get(tag) ?? []), row])
    }
  }
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, rows]) => `<h2>${esc(tag)}</h2><table><tbody>${rows.join('')}</tbody></table>`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aura CRM API reference</title><style>${STYLE}</style></head>
<body><main><h1>Aura CRM API</h1><p>${esc(OPENAPI_INFO.info.description ?? '')}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>${sections}</main></body></html>`
}
