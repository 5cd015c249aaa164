// A readable API reference at /api/docs, rendered on the server from the OpenAPI document: no script,
// no external assets, so it works offline and from a Worker.
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../context.ts'
import { OPENAPI_INFO } from './openapi.ts'

type Operation = { summary?: string; tags?: string[]; parameters?: { name: string; in: string }[] }

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch)

export function docsPage(v1: OpenAPIHono<AppEnv>) {
  let html: string | undefined
  return (c: Context<AppEnv>) => {
    html ??= render(
      v1.getOpenAPI31Document(OPENAPI_INFO) as { paths?: Record<string, Record<string, Operation>> },
    )
    return c.html(html)
  }
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
<title>Aura CRM API reference</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #e2e8f0;padding:.4rem .5rem;vertical-align:top}code{font-size:13px}</style></head>
<body><main><h1>Aura CRM API</h1><p>${esc(OPENAPI_INFO.info.description ?? '')}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>${sections}</main></body></html>`
}
