// An unknown field in a request body is a 400 naming it, never silently dropped (issue 13): a client that
// misspells `closeDate` must hear about it, not see the deal saved without it. Found from the served OpenAPI
// document, so a new route with a lenient body fails here: every JSON body object says
// `additionalProperties: false`, and the API answers an extra key with the key's name.
import { describe, expect } from 'vitest'
import { it } from '../../test/fixtures.ts'
import { jsonBody } from '../../test/harness.ts'
import { createWorkspace } from '../../test/workspace.ts'

type Schema = { $ref?: string; type?: string; additionalProperties?: unknown; allOf?: Schema[] }
type Doc = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>
  components: { schemas: Record<string, Schema> }
}

function resolve(doc: Doc, s: Schema): Schema {
  return s.$ref ? resolve(doc, doc.components.schemas[s.$ref.split('/').at(-1) ?? ''] ?? {}) : s
}

describe('request bodies are strict', () => {
  it('documents every JSON body object as closed (additionalProperties: false)', async ({ api }) => {
    const doc: Doc = await (await api.request('root', '/openapi.json')).json()
    const open: string[] = []
    let bodies = 0
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        const schema = op.requestBody?.content['application/json']?.schema
        if (!schema) continue
        bodies++
        const s = resolve(doc, schema)
        if (s.type === 'object' && s.additionalProperties !== false) open.push(`${method} ${path}`)
      }
    expect(bodies).toBeGreaterThanOrEqual(25)
    expect(open).toEqual([])
  })

  it('answers an unknown key with a 400 that names it, and writes nothing', async ({ api }) => {
    const ws = await createWorkspace(api)
    const res = await ws.as(
      ws.rep,
      '/contacts',
      jsonBody({ firstName: 'Ada', lastName: 'L', emial: 'a@b.c' }),
    )
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([{ field: 'emial', message: 'Unknown field' }])
    const list = await (await ws.as(ws.rep, '/contacts?q=Ada')).json()
    expect(list.data).toEqual([])
  })
})
