// Secrets handed to people (invitation, reset, verification links, API tokens, session ids) are random,
// at least 160 bits, and only their SHA-256 is stored: a leaked table cannot be replayed.
export function randomToken(bytes = 32): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes))
  return btoa(String.fromCharCode(...buf))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Six digits for emailed step-up codes; uniform (rejection sampling), never Math.random. */
export function randomDigits(length = 6): string {
  const limit = 10 ** length
  const max = Math.floor(0xffffffff / limit) * limit
  const buf = new Uint32Array(1)
  do crypto.getRandomValues(buf)
  while ((buf[0] ?? max) >= max)
  return String((buf[0] ?? 0) % limit).padStart(length, '0')
}
