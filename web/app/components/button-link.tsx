import type { ReactNode } from 'react'

const STYLES = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-700',
  secondary: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
} as const

/** A link that looks like a button, with a 44 px tap target. */
export function ButtonLink({
  href,
  variant = 'primary',
  children,
}: {
  href: string
  variant?: keyof typeof STYLES
  children: ReactNode
}) {
  return (
    <a
      href={href}
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 text-sm font-medium ${STYLES[variant]}`}
    >
      {children}
    </a>
  )
}
