import { isRouteErrorResponse } from '@remix-run/react'
import { ButtonLink } from './button-link.tsx'
import { SiteFooter, SiteHeader } from './site-header.tsx'

/** What a loader throws (via `data(...)`) to choose the page shown; see lib/errors.server.ts. */
export interface ErrorPageData {
  kind?: 'no-workspace' | 'unknown-host' | 'suspended'
  /** Where "go back" leads: the public site when the workspace itself is missing. */
  homeUrl?: string
}

interface Copy {
  title: string
  body: string
  action: string
}

function copyFor(status: number, data: ErrorPageData): Copy {
  if (data.kind === 'no-workspace') {
    return {
      title: 'No workspace at this address',
      body: 'Check the spelling of the address, or ask your admin for your workspace link.',
      action: 'Go to Aura',
    }
  }
  if (data.kind === 'suspended') {
    return {
      title: 'This workspace is suspended',
      body: 'Its data is kept safe. Ask your workspace admin to contact Aura support to restore access.',
      action: 'Go to Aura',
    }
  }
  if (data.kind === 'unknown-host') {
    return {
      title: 'This address is not an Aura site',
      body: 'Use your workspace link.',
      action: 'Go to Aura',
    }
  }
  if (status === 404) {
    return {
      title: 'Page not found',
      body: 'The page you asked for does not exist or has moved.',
      action: 'Go home',
    }
  }
  if (status === 403) {
    return { title: 'Not allowed', body: 'Your account cannot open this page.', action: 'Go home' }
  }
  return {
    title: 'Something went wrong',
    body: 'We could not load this page. Please try again in a moment.',
    action: 'Go home',
  }
}

/** Status, words and link for any thrown error; used by the page and by root's `meta` for the title. */
export function describeError(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500
  const data: ErrorPageData =
    isRouteErrorResponse(error) && typeof error.data === 'object' && error.data ? error.data : {}
  return { status, data, copy: copyFor(status, data) }
}

/** Never shows a stack trace or an internal message: only the status and what to do next. */
export function ErrorPage({ error }: { error: unknown }) {
  const { status, data, copy } = describeError(error)
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-16">
        <p className="text-sm font-semibold text-indigo-700">Error {status}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight sm:text-3xl">{copy.title}</h1>
        <p className="mt-3 text-slate-700">{copy.body}</p>
        <div className="mt-8">
          <ButtonLink href={data.homeUrl ?? '/'}>{copy.action}</ButtonLink>
        </div>
      </main>
      <SiteFooter />
    </>
  )
}
