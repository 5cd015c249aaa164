// True once React runs in the browser: for controls that only make sense with JavaScript (a filter box
// over a list of buttons), rendered after hydration so a page without JavaScript never shows a dead one.
import { useEffect, useState } from 'react'

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
