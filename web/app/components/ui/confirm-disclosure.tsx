import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * A destructive action behind a disclosure, without JavaScript: the summary ("Delete X…") only opens it,
 * the red box inside is the POST form whose danger button confirms. `inline` lays the form's fields and
 * button out in a row (they wrap on a phone).
 */
export function ConfirmDisclosure({
  summary,
  children,
  open,
  inline = false,
  className,
}: {
  summary: ReactNode
  children: ReactNode
  /** Reopened after a refused attempt, so its error is seen. */
  open?: boolean
  inline?: boolean
  className?: string
}) {
  return (
    <details className={className} open={open}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md px-2 text-sm text-red-700 hover:bg-red-50">
        {summary}
      </summary>
      <Form
        method="post"
        className={`mt-2 flex rounded-md border border-red-200 bg-red-50 p-3 text-sm ${inline ? 'flex-wrap items-end gap-3' : 'flex-col gap-2'}`}
      >
        {children}
      </Form>
    </details>
  )
}
