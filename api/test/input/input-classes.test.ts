// One test per class of hostile input (issue 11), each through one representative field: the check lives
// in one shared layer (lib/text.ts, applied by the router's validation hook and lib/read-body.ts), so a
// class refused here is refused in every field, query parameter and path parameter the schemas declare.
import { describe, expect } from 'vitest'
import { it } from '../fixtures.ts'
import { jsonBody } from '../harness.ts'

describe('input classes: each is a 400 problem naming the field, never a 500 or a stored U+FFFD', () => {
  const refused = async (res: Response, field: string, status = 400) => {
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const body = await res.json()
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field)
  }
  const raw = (bytes: BodyInit): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bytes,
  })

  it('NUL in a body field', async ({ ws }) => {
    await refused(await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Acme\u0000' })), 'name')
  })

  it('NUL inside a free-form value (custom fields) names its path', async ({ ws }) => {
    const body = { name: 'Acme', customFields: { note: 'a\u0000b' } }
    await refused(await ws.as(ws.rep, '/deals', jsonBody(body)), 'customFields.note')
  })

  it('other C0 controls in a body field; tab and newline only in multi-line text', async ({ ws }) => {
    await refused(await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Acme\u0007' })), 'name')
    await refused(await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Ac\tme' })), 'name')
    await refused(await ws.as(ws.rep, '/deals', jsonBody({ name: 'Big\nDeal' })), 'name')
    const ok = await ws.as(ws.rep, '/deals', jsonBody({ name: 'Big deal', notes: 'line 1\n\tline 2\r\n' }))
    expect(ok.status).toBe(201)
    expect((await ok.json()).notes).toBe('line 1\n\tline 2\r\n')
  })

  it('a lone surrogate in a body field', async ({ ws }) => {
    // JSON.stringify escapes a lone surrogate as \ud800, which JSON.parse turns back into one.
    await refused(await ws.as(ws.rep, '/organizations', jsonBody({ name: 'Acme \ud800' })), 'name')
    await refused(await ws.as(ws.rep, '/organizations', jsonBody({ name: '\udc00 Acme' })), 'name')
  })

  it('a body that is not valid UTF-8 is refused, not stored with U+FFFD', async ({ ws }) => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"name":"Acme '),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}'),
    ])
    await refused(await ws.as(ws.rep, '/organizations', raw(bytes.buffer)), '(body)')
  })

  it('malformed JSON names the body', async ({ ws }) => {
    await refused(await ws.as(ws.rep, '/organizations', raw('{"name":')), '(body)')
  })

  it('NUL and controls in a query parameter (search)', async ({ ws }) => {
    await refused(await ws.as(ws.rep, '/organizations?q=acme%00'), 'q')
    await refused(await ws.as(ws.rep, '/deals?q=acme%07'), 'q')
    await refused(await ws.as(ws.rep, '/contacts?q=acme%7F'), 'q')
  })

  it('NUL in a path parameter', async ({ ws }) => {
    await refused(await ws.as(ws.rep, '/organizations/%00'), 'id')
    await refused(
      await ws.as(ws.admin, `/processes/${ws.defaults.defaultProcess.process.id}/stages/%00`, {
        method: 'DELETE',
      }),
      'stageId',
    )
  })

  it('headers we read: a session cookie decoding to NUL or controls is not a 500, a bad Idempotency-Key is named', async ({
    api,
    ws,
  }) => {
    for (const cookie of [
      'aura_session=a%00b',
      'aura_session=%07%ED%A0%80',
      `aura_session=${'x'.repeat(5000)}`,
    ]) {
      const res = await api.request(ws.slug, '/me', { headers: { cookie } })
      expect(res.status).toBe(401)
    }
    const bearer = await api.request(ws.slug, '/me', { headers: { authorization: 'Bearer aura_\u0007' } })
    expect(bearer.status).toBe(401)
    const keyed = jsonBody({ name: 'Acme' }, { 'Idempotency-Key': 'key\u0007' })
    await refused(await ws.as(ws.rep, '/organizations', keyed), 'Idempotency-Key')
  })

  it('a JSON body over 1 MB is a 413 problem', async ({ ws }) => {
    const res = await ws.as(
      ws.rep,
      '/organizations',
      jsonBody({ name: 'Acme', industry: 'x'.repeat(1_100_000) }),
    )
    await refused(res, '(body)', 413)
  })

  it('a body over 1 MB without a length announced (streamed) is cut off at the limit', async ({ ws }) => {
    let sent = 0
    const chunk = new TextEncoder().encode(`"${'x'.repeat(65_534)}`)
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 20_000_000) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const init = { ...raw(''), body, duplex: 'half' } as RequestInit
    await refused(await ws.as(ws.rep, '/organizations', init), '(body)', 413)
    expect(sent).toBeLessThan(2_000_000)
  })
})
