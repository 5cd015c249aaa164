import { data } from '@remix-run/node'
import type { ErrorPageData } from '~/components/error-page.tsx'

/** Throw from a loader to render the error page with a chosen status and message (never a stack). */
export function errorPage(status: number, page: ErrorPageData = {}) {
  return data(page, { status })
}
