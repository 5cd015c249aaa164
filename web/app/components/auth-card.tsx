import type { ReactNode } from 'react'
import { SiteFooter, SiteHeader } from './site-header.tsx'

/** The narrow, centred page used by login, signup, reset and invitation screens. */
export function AuthCard({ title, label, children }: { title: string; label?: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader {...(label ? { label } : {})} />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">{title}</h1>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </main>
      <SiteFooter />
    </>
  )
}
