import { useEffect, useRef } from 'react'
import { Alert } from './ui/alert.tsx'

/**
 * The confirmation after an action (lib/flash.server.ts), at the top of the page it redirected to. Focus
 * moves to it: a keyboard or screen reader user hears what happened and continues from there. On a page
 * load the HTML autofocus attribute does it (no JavaScript needed); after a client-side navigation React
 * does not apply autofocus to a div, so the effect does (the shell keys this per location, so a repeated
 * sentence is focused again).
 */
export function FlashMessage({ message }: { message: string | null }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (message) box.current?.focus()
  }, [message])
  if (!message) return null
  return (
    // biome-ignore lint/a11y/noAutofocus: moving focus to the outcome of the user's own action is the point
    <div ref={box} tabIndex={-1} autoFocus data-testid="flash" className="mb-4 rounded-md focus:outline-none">
      <Alert tone="success">{message}</Alert>
    </div>
  )
}
