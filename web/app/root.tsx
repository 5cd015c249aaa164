import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'
import { describeError, ErrorPage } from './components/error-page.tsx'
import { useNonce } from './lib/nonce.tsx'
import stylesheet from './tailwind.css?url'

/**
 * A route that needs no browser JavaScript says so with `export const handle = { hydrate: false }`:
 * its pages then ship zero JS. Interactive routes simply leave it out. Dev always hydrates, for HMR,
 * except pages with `scripts`.
 */
export interface RouteHandle {
  hydrate?: boolean
  /**
   * Static files from public/ that enhance this static page alone (the board's board.js), loaded deferred
   * with the nonce like enhance.js. They work on the server's markup, which hydrated React would own, so
   * such a page never hydrates, not even in dev.
   */
  scripts?: string[]
}

export const handle: RouteHandle = { hydrate: false }

// Routes set their own titles; this one covers error pages, which every page needs for screen readers.
export const meta: MetaFunction = ({ error }) =>
  error ? [{ title: `${describeError(error).copy.title} · Aura CRM` }] : [{ title: 'Aura CRM' }]

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export function Layout({ children }: { children: ReactNode }) {
  const matches = useMatches()
  const leaf = matches.at(-1)?.handle as RouteHandle | undefined
  const scripts = leaf?.scripts ?? []
  const hydrate = leaf?.hydrate !== false || (import.meta.env.DEV && scripts.length === 0)
  // The enhancements (search keys, pending state, list filters) act in the workspace; a hydrated page loads
  // them too, since a client-side navigation (log in → dashboard) can bring it there. Signed-out static
  // pages ship no script at all.
  const enhance = hydrate || matches.some((m) => m.id === 'routes/_app')
  const nonce = useNonce()
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
        {enhance && <script src="/enhance.js" defer nonce={nonce} />}
        {scripts.map((src) => (
          <script key={src} src={src} defer nonce={nonce} />
        ))}
      </head>
      <body className="flex min-h-full flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {children}
        {hydrate && <ScrollRestoration nonce={nonce} />}
        {hydrate && <Scripts nonce={nonce} />}
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />
}
