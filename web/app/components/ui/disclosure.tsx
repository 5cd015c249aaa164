// A link-looking "open this" for an edit or a rarer action on a record (issue 13: a record, not a stack of
// forms): a native <details>, so it opens without JavaScript and keeps its place in the tab order.
import type { ReactNode } from 'react'

export function Disclosure({
  summary,
  open,
  children,
}: {
  summary: string
  open?: boolean
  children: ReactNode
}) {
  return (
    <details open={open} className="open:w-full">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md px-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
        {summary}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  )
}
