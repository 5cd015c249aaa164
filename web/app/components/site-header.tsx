import type { ReactNode } from 'react'

/** The top bar shared by the public site and workspaces: wordmark on the left, actions on the right. */
export function SiteHeader({ label, children }: { label?: string; children?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <a href="/" className="flex min-h-11 items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span aria-hidden="true" className="inline-block size-6 rounded-md bg-indigo-600" />
          <span>Aura</span>
          {label && <span className="font-normal text-slate-600">/ {label}</span>}
        </a>
        {children && (
          <nav aria-label="Account" className="flex items-center gap-2">
            {children}
          </nav>
        )}
      </div>
    </header>
  )
}

export function SiteFooter() {
  return (
    <footer className="mt-auto border-t border-slate-200 bg-white">
      <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-600">
        Aura CRM: pipelines your team keeps current.
      </p>
    </footer>
  )
}
