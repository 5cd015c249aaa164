import type { ReactNode } from 'react'
import { type ButtonVariant, buttonClass } from './ui/button.tsx'

/** A link that looks like a button, with a 44 px tap target. */
export function ButtonLink({
  href,
  variant = 'primary',
  children,
}: {
  href: string
  variant?: ButtonVariant
  children: ReactNode
}) {
  return (
    <a href={href} className={buttonClass[variant]}>
      {children}
    </a>
  )
}
