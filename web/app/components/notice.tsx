import type { ReactNode } from 'react'

/** A calm confirmation after a redirect; role=status so screen readers read it without interrupting. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
    >
      {children}
    </p>
  )
}
