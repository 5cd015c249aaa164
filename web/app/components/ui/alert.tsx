import type { ReactNode } from 'react'

/**
 * How a message is said. Errors and warnings interrupt (role=alert: read out as soon as they appear);
 * confirmations and information wait their turn (role=status).
 */
const TONES = {
  error: { role: 'alert', className: 'border-red-200 bg-red-50 text-red-800' },
  warning: { role: 'alert', className: 'border-amber-300 bg-amber-50 text-amber-900' },
  success: { role: 'status', className: 'border-emerald-200 bg-emerald-50 text-emerald-900' },
  info: { role: 'status', className: 'border-sky-200 bg-sky-50 text-sky-900' },
} as const

export type AlertTone = keyof typeof TONES

/** A message box in one of the house's tones; `className` adds spacing or padding, never colours. */
export function Alert({
  tone,
  children,
  className = 'px-3 py-2',
}: {
  tone: AlertTone
  children: ReactNode
  className?: string
}) {
  const { role, className: colours } = TONES[tone]
  return (
    <div role={role} className={`rounded-md border text-sm ${colours} ${className}`}>
      {children}
    </div>
  )
}
