// Issue 11: a form posted from another site was refused, but with a 500 page. It is a 403 now, still
// carrying the security headers, and a same-origin post still works.
import { expect, test } from './fixtures.ts'

test('a cross-origin form post gets a 403 page, not a 500', async ({ request, baseURL }) => {
  const login = new URL('/login', baseURL).toString()
  const form = { email: 'ops@aura.test', password: 'wrong password' }
  const refused = await request.post(login, { form, headers: { origin: 'https://evil.example' } })
  expect(refused.status()).toBe(403)
  expect(refused.headers()['content-type']).toContain('text/html')
  expect(refused.headers()['x-frame-options']).toBe('DENY')
  expect(await refused.text()).toContain('sent from another site')
  const same = await request.post(login, { form, headers: { origin: new URL(baseURL ?? '').origin } })
  // Processed: the wrong password is answered as such.
  expect(same.status()).toBe(401)
})
