// Lives in db/ because seeds, tests and the API must all write the same hash format.
// Password hashing that runs natively on both runtimes: scrypt from node:crypto (OpenSSL on Node,
// BoringSSL in workerd with nodejs_compat). Argon2id would be native on Node only, so hashes written
// by one runtime could not be verified by the other (docs/decisions/0003-password-hashing.md).
// Stored as a PHC string carrying its parameters, so they can be raised later without a migration.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// OWASP's scrypt equivalents table: N=2^15, r=8, p=3 (32 MiB, within a Worker's 128 MB).
const PARAMS = { ln: 15, r: 8, p: 3 }
const KEY_LENGTH = 32
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

function derive(password: string, salt: Buffer, ln: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N: 2 ** ln, r, p, maxmem: 256 * 2 ** ln * r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS.ln, PARAMS.r, PARAMS.p)
  return `$scrypt$ln=${PARAMS.ln},r=${PARAMS.r},p=${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const m = PHC.exec(hash)
  if (!m) return false
  const [, ln, r, p, salt, expected] = m as unknown as [string, string, string, string, string, string]
  const want = Buffer.from(expected, 'base64url')
  const got = await derive(password, Buffer.from(salt, 'base64url'), Number(ln), Number(r), Number(p))
  return got.length === want.length && timingSafeEqual(got, want)
}

/** A hash of a random password: verifying against it costs the same as a real one (no enumeration by timing). */
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'))
  return decoy
}
