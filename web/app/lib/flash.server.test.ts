// The confirmation after an action (issue 13): carried by a cookie to the next page, shown once, and only
// ever one of the catalogued sentences.

import { createCookie } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { redirectWithFlash, takeFlash } from './flash.server.ts'

const page = (cookie?: string) =>
  new Request('https://acme.aura.test/deals/1', cookie ? { headers: { Cookie: cookie } } : {})

/** What the browser sends back after the redirect: the cookie's name=value pair. */
const sentBack = (res: Response) => (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''

describe('flash', () => {
  it('carries the sentence to the next page and clears it there', async () => {
    const res = await redirectWithFlash(page(), '/deals/1', 'deal.moved', 'Negotiation')
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/deals/1')
    const set = res.headers.get('Set-Cookie') ?? ''
    expect(set).toMatch(/HttpOnly/i)
    expect(set).toMatch(/SameSite=Lax/i)
    expect(set).toMatch(/Secure/i)
    const next = await takeFlash(page(sentBack(res)))
    expect(next.message).toBe('Moved to Negotiation.')
    expect(new Headers(next.headers).get('Set-Cookie')).toMatch(/aura_flash=;.*Max-Age=0/i)
  })

  it('shows nothing without the cookie, and sets no header', async () => {
    expect(await takeFlash(page('other=1'))).toEqual({ message: null })
  })

  it('shows only catalogued sentences: a forged key or text is ignored (and cleared)', async () => {
    const forged = createCookie('aura_flash')
    for (const value of [
      { key: 'Your account is locked, call +1 555' },
      'free text',
      { key: 'deal.moved' },
    ]) {
      const taken = await takeFlash(
        page(`aura_flash=${(await forged.serialize(value)).split(';')[0]?.split('=')[1]}`),
      )
      expect(taken.message, JSON.stringify(value)).toBeNull()
      expect(new Headers(taken.headers).get('Set-Cookie')).toMatch(/Max-Age=0/i)
    }
    expect((await takeFlash(page('aura_flash=%%%not-base64'))).message).toBeNull()
  })
})
