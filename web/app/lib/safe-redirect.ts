// The one check for every redirect target that comes from the request (`?next=` and the like). Only a
// path on this origin may pass: browsers read `//host`, `/\host` and `/<tab>/host` (tabs and newlines
// are stripped from URLs) as another origin, so anything that could be read that way is refused,
// including when it hides behind percent-encoding.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const UNSAFE = /[\u0000-\u001f\u007f\\]/

/** `target` when it is a same-origin relative path, otherwise `fallback`. */
export function safeRedirectPath(target: string | null | undefined, fallback: string): string {
  if (!target?.startsWith('/') || target.startsWith('//')) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(target)
  } catch {
    return fallback
  }
  if (UNSAFE.test(target) || UNSAFE.test(decoded) || decoded.startsWith('//')) return fallback
  // The last word goes to the URL parser itself: resolved against a placeholder origin, it must stay there.
  const base = 'http://same-origin.invalid'
  return new URL(target, base).origin === base ? target : fallback
}
