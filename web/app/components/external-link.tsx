// The one way a page renders a URL that a user typed. Only http(s) becomes a link; anything else (an old
// `javascript:` row, a typo) stays plain text, so a stored value can never run script in whoever clicks.
// `noopener noreferrer`: the other site gets neither a handle on this window nor our URL.
import type { ReactNode } from 'react'

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

export function ExternalLink({
  href,
  className,
  children,
}: {
  href: string
  className?: string
  children?: ReactNode
}) {
  if (!isHttpUrl(href)) return <span className="break-all">{children ?? href}</span>
  return (
    <a href={href} rel="noopener noreferrer" className={className}>
      {children ?? href}
    </a>
  )
}
