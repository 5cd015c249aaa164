// Secrets handed to people (invitation, reset, verification links, API tokens, session ids) are random,
// at least 160 bits, and only their SHA-256 is stored: a leaked table cannot be replayed.
// Built on oslo's WebCrypto helpers (ADR 0156): they run unchanged on Node and Workers. Never import
// oslo/password here or anywhere in the API: it loads native @node-rs modules.
import { alphabet, generateRandomString, sha256 } from 'oslo/crypto'
import { base64url, encodeHex } from 'oslo/encoding'

/** `bytes` random bytes as unpadded base64url (32 bytes: 43 characters). */
export function randomToken(bytes = 32): string {
  // base64url.encode, not oslo 1.2's encodeBase64url: that deprecated helper uses the standard alphabet.
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)), { includePadding: false })
}

export async function sha256Hex(value: string): Promise<string> {
  return encodeHex(await sha256(new TextEncoder().encode(value)))
}

const DIGITS = alphabet('0-9')

/** Six digits for emailed step-up codes; uniform (oslo rejects out-of-range draws), never Math.random. */
export function randomDigits(length = 6): string {
  return generateRandomString(length, DIGITS)
}
