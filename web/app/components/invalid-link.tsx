import { Link } from '@remix-run/react'
import { AuthCard } from './auth-card.tsx'

/** The page for an emailed single-use link that is malformed, already used, withdrawn or expired. */
export function InvalidLink({ title, retry }: { title: string; retry: { to: string; label: string } }) {
  return (
    <AuthCard title={title}>
      <p role="alert" className="text-slate-700">
        The link is invalid, already used or expired. Links from our emails work once, for a limited time.
      </p>
      <p className="mt-4 text-sm text-slate-600">
        <Link className="underline" to={retry.to}>
          {retry.label}
        </Link>
      </p>
    </AuthCard>
  )
}
