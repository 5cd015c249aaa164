import { describe, expect, it } from 'vitest'
import { isCrossOrigin } from './cross-origin-forms.ts'

const h = (init: Record<string, string>) => new Headers(init)

describe('isCrossOrigin', () => {
  it('lets same-origin posts and posts without Origin through (Remix decides those)', () => {
    expect(isCrossOrigin(h({ host: 'acme.localhost:3000', origin: 'http://acme.localhost:3000' }))).toBe(
      false,
    )
    expect(isCrossOrigin(h({ host: 'acme.localhost:3000' }))).toBe(false)
  })

  it.each([
    ['another site', 'https://evil.example'],
    ['another workspace', 'http://globex.localhost:3000'],
    ['the root domain', 'http://localhost:3000'],
    ['an opaque origin', 'null'],
    ['garbage', 'not a url'],
  ])('refuses a post from %s', (_name, origin) => {
    expect(isCrossOrigin(h({ host: 'acme.localhost:3000', origin }))).toBe(true)
  })
})
