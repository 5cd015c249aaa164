import { describe, expect, it } from 'vitest'
import { rootOrigin, siteFor } from './site.server.ts'

const at = (url: string) => new Request(url)

describe('siteFor', () => {
  it('reads the bare root domain as the public site, whatever the port', () => {
    expect(siteFor(at('http://localhost:3000/'), 'localhost')).toEqual({ kind: 'root' })
  })

  it('reads one label under the root domain as a workspace, case-insensitively', () => {
    expect(siteFor(at('http://Acme.localhost:3000/deals'), 'localhost')).toEqual({
      kind: 'tenant',
      slug: 'acme',
    })
  })

  it('refuses nested subdomains and foreign hosts', () => {
    expect(siteFor(at('http://a.b.localhost/'), 'localhost')).toEqual({ kind: 'unknown' })
    expect(siteFor(at('http://127.0.0.1:3000/'), 'localhost')).toEqual({ kind: 'unknown' })
    expect(siteFor(at('http://evillocalhost/'), 'localhost')).toEqual({ kind: 'unknown' })
  })
})

describe('rootOrigin', () => {
  it('keeps the scheme and port of the request', () => {
    expect(rootOrigin(at('http://acme.localhost:3000/x'), 'localhost')).toBe('http://localhost:3000')
    expect(rootOrigin(at('https://acme.aura.example/'), 'aura.example')).toBe('https://aura.example')
  })
})
