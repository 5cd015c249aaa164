import { describe, expect, it } from 'vitest'
import { OPENAPI_JSON, type OpenApiDocument, operationsByTag, referencePage } from './api-reference.server.ts'

const DOC: OpenApiDocument = {
  info: { title: 'Aura CRM API', description: 'Served at `https://<slug>.example/api/v1`.' },
  paths: {
    '/deals': {
      get: { summary: 'Deals you can see', tags: ['Deals'] },
      post: { summary: 'Create a deal', tags: ['Deals'] },
    },
    '/auth/login': { post: { summary: 'Log in <b>now</b>', tags: ['Auth'] } },
    // Path-level keys that are not methods (parameters, servers) are not operations.
    '/health': { get: {}, parameters: {} },
  },
}
const ASSETS = {
  script: '/assets/swagger-ui-bundle-abc.js',
  styles: ['/assets/a.css', '/assets/b.css'],
  nonce: 'n0nce',
}

describe('the API reference page', () => {
  it('loads Swagger UI from this origin, its one inline script under the nonce', () => {
    const html = referencePage(DOC, ASSETS)
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])
    expect(scripts).toEqual([' src="/assets/swagger-ui-bundle-abc.js"', ' nonce="n0nce"'])
    expect(html).toContain(
      '<link rel="stylesheet" href="/assets/a.css"><link rel="stylesheet" href="/assets/b.css">',
    )
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).toContain(`url:"${OPENAPI_JSON}"`)
    expect(html).toContain('validatorUrl:null')
    expect(html).toContain('supportedSubmitMethods:[]')
  })

  it('reads without JavaScript: the title, the description, the document link and every operation by tag', () => {
    const html = referencePage(DOC, ASSETS)
    expect(html).toContain('<h1>Aura CRM API</h1>')
    // Markdown code spans become code, escaped; nothing raw is left of them.
    expect(html).toContain('<code>https://&#60;slug&#62;.example/api/v1</code>')
    expect(html).toContain(`<a href="${OPENAPI_JSON}">${OPENAPI_JSON}</a>`)
    expect(html).toContain(
      '<code>GET</code> <code>/deals</code></span> <span class="summary">Deals you can see</span>',
    )
    expect(html).toContain('Log in &#60;b&#62;now&#60;/b&#62;')
    expect(operationsByTag(DOC).map(([tag, ops]) => [tag, ops.length])).toEqual([
      ['Auth', 1],
      ['Deals', 2],
      ['Other', 1],
    ])
  })

  it('still links the document when it could not be read', () => {
    const html = referencePage(null, { script: '/s.js', styles: [] })
    expect(html).toContain(`<a href="${OPENAPI_JSON}">`)
    expect(html).toContain('<script>SwaggerUIBundle(')
  })
})
