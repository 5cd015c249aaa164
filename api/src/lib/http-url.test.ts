// Stored XSS through URL fields (issue 11): any member could save `javascript:…` as an organization's
// website, which the organization page rendered as a link. Every URL field now takes http(s) only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, jsonBody } from '../../test/harness.ts'
import { createWorkspace } from '../../test/workspace.ts'

const HOSTILE = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
]
const patch = (body: unknown): RequestInit => ({ ...jsonBody(body), method: 'PATCH' })

describe('URL fields take http(s) only', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  beforeAll(async () => {
    api = await createTestApi()
    ws = await createWorkspace(api)
  })
  afterAll(() => api.close())

  const refusedNaming = async (res: Response, field: string) => {
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field)
  }

  it.each(HOSTILE)('a rep cannot save the organization website %j, on create or edit', async (url) => {
    await refusedNaming(
      await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Evil', website: url })),
      'website',
    )
    const ok = await ws.as(
      ws.rep,
      '/organizations',
      jsonBody({ name: 'Fine', website: 'http://fine.example' }),
    )
    expect(ok.status).toBe(201)
    const { id } = await ok.json()
    await refusedNaming(await ws.as(ws.rep, `/organizations/${id}`, patch({ website: url })), 'website')
    const kept = await (await ws.as(ws.rep, `/organizations/${id}`)).json()
    expect(kept.website).toBe('http://fine.example')
  })

  it.each(HOSTILE)('an admin cannot save the workspace logo or an avatar %j', async (url) => {
    await refusedNaming(await ws.as(ws.admin, '/workspace', patch({ logoUrl: url })), 'logoUrl')
    await refusedNaming(await ws.as(ws.rep, `/users/${ws.rep.id}`, patch({ avatarUrl: url })), 'avatarUrl')
  })
})
