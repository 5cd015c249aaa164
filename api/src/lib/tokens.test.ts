// The token, digest, step-up code and cursor helpers on oslo (ADR 0156): same shapes as the hand-written
// helpers they replace, so stored hashes and issued links keep working.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './pagination.ts'
import { randomDigits, randomToken, sha256Hex } from './tokens.ts'

describe('tokens on oslo', () => {
  it('randomToken is unpadded base64url of the requested bytes, different every time', () => {
    const token = randomToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(randomToken(20)).toMatch(/^[A-Za-z0-9_-]{27}$/)
    const many = new Set(Array.from({ length: 200 }, () => randomToken()))
    expect(many.size).toBe(200)
    // url-safe alphabet only (oslo 1.2's deprecated encodeBase64url would emit '+' and '/')
    expect(Array.from({ length: 200 }, () => randomToken(48)).join('')).not.toMatch(/[+/=]/)
  })

  it('sha256Hex is the lowercase hex SHA-256 the stored hashes were written with', async () => {
    for (const value of ['', 'abc', 'Łódź ✓', randomToken()]) {
      expect(await sha256Hex(value)).toBe(createHash('sha256').update(value, 'utf8').digest('hex'))
    }
  })

  it('randomDigits gives six decimal digits, every digit in every position', () => {
    const codes = Array.from({ length: 2000 }, () => randomDigits())
    for (const code of codes) expect(code).toMatch(/^\d{6}$/)
    for (let position = 0; position < 6; position++) {
      expect(new Set(codes.map((c) => c[position])).size).toBe(10)
    }
    expect(randomDigits(8)).toMatch(/^\d{8}$/)
  })
})

describe('cursors', () => {
  it('round-trip a key with any text, which btoa refused (a name sorting last on a page)', () => {
    for (const name of ['Acme', 'Zoë & Co', 'Łódź Sp. z o.o.', '株式会社アウラ', 'emoji 🚀']) {
      const key: [string, string] = [name, '0b3f6a8e-2c1d-4e5f-9a7b-1c2d3e4f5a6b']
      const cursor = encodeCursor(key)
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(decodeCursor(cursor)).toEqual(key)
    }
  })

  it('an ASCII key encodes exactly as before, so cursors issued before the change still work', () => {
    const key: [number, string] = [42, '0b3f6a8e-2c1d-4e5f-9a7b-1c2d3e4f5a6b']
    const before = btoa(JSON.stringify(key)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
    expect(encodeCursor(key)).toBe(before)
    expect(decodeCursor(before)).toEqual(key)
  })

  it('refuses a cursor that is not base64url JSON of a key, or not UTF-8', () => {
    for (const bad of ['%%%', 'bm90IGpzb24', btoa('["\u00e9","0b3f6a8e-2c1d-4e5f-9a7b-1c2d3e4f5a6b"]')]) {
      expect(() => decodeCursor(bad)).toThrow('The cursor is not valid')
    }
  })
})

describe('no native code from oslo', () => {
  it('nothing imports oslo/password (it loads the native @node-rs/argon2 and @node-rs/bcrypt)', () => {
    const pattern = `['"]oslo${'/'}password['"]` // any import or require; split so this file does not match
    const found = spawnSync('git', ['grep', '-l', '-E', pattern], {
      cwd: new URL('../../../', import.meta.url),
      encoding: 'utf8',
    })
    expect(found.status, found.stderr).toBe(1) // git grep: 1 = no match, 0 = a match, 2+ = error
    expect(found.stdout).toBe('')
  })
})
