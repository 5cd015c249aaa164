import type { ReactNode } from 'react'
import { Alert } from './ui/alert.tsx'

/** A calm confirmation after a redirect; role=status so screen readers read it without interrupting. */
export function Notice({ children }: { children: ReactNode }) {
  return <Alert tone="success">{children}</Alert>
}
