import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './safe-redirect.ts'

const HOME = '/dashboard'

describe('safeRedirectPath', () => {
  it.each(['/deals', '/deals/7f9c?tab=notes#top', '/contacts?q=%2Fnot-a-host', '/a/b%20c'])(
    'keeps the same-origin path %s',
    (path) => {
      expect(safeRedirectPath(path, HOME)).toBe(path)
    },
  )

  it.each([
    ['empty', ''],
    ['null', null],
    ['relative without slash', 'deals'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['protocol-relative', '//evil.example/'],
    ['backslash', '/\\evil.example'],
    ['backslash first', '\\\\evil.example'],
    ['tab then slash', '/\t/evil.example'],
    ['newline then slash', '/\n/evil.example'],
    ['carriage return', '/\r/evil.example'],
    ['NUL', '/deals\u0000'],
    ['encoded slash makes //', '/%2Fevil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['encoded tab', '/%09/evil.example'],
    ['encoded newline', '/%0a/evil.example'],
    ['broken escape', '/%E0%A4%A'],
  ])('refuses %s', (_name, target) => {
    expect(safeRedirectPath(target, HOME)).toBe(HOME)
  })
})
