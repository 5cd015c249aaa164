import { ButtonLink } from './button-link.tsx'
import { SiteFooter, SiteHeader } from './site-header.tsx'

const FEATURES = [
  {
    title: 'Pipelines that match how you sell',
    body: 'One board per sales process, with stages, win probabilities and required fields you define.',
  },
  {
    title: 'Products and prices you can trust',
    body: 'Line items from your catalogue, discount limits and margins checked on every deal.',
  },
  {
    title: 'Your workspace, your data',
    body: 'Each team gets its own address, and the database itself keeps every workspace apart.',
  },
]

export function MarketingPage() {
  return (
    <>
      <SiteHeader>
        <ButtonLink href="/login" variant="secondary">
          Log in
        </ButtonLink>
        <ButtonLink href="/signup">Sign up</ButtonLink>
      </SiteHeader>
      <main id="main" className="flex-1">
        <section className="mx-auto max-w-5xl px-4 pt-14 pb-10 sm:pt-20">
          <h1 className="max-w-2xl text-3xl font-semibold tracking-tight text-balance sm:text-5xl">
            The CRM your sales team keeps up to date
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            Aura is a calm, fast CRM for small and mid-size sales teams: contacts, deals, products and
            pipelines in one place, on any screen.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/signup">Start your workspace</ButtonLink>
            <ButtonLink href="/login" variant="secondary">
              Log in
            </ButtonLink>
          </div>
        </section>
        <section aria-labelledby="features" className="mx-auto max-w-5xl px-4 pb-16">
          <h2 id="features" className="sr-only">
            What Aura does
          </h2>
          <ul className="grid gap-4 sm:grid-cols-3">
            {FEATURES.map((f) => (
              <li key={f.title} className="rounded-lg border border-slate-200 bg-white p-5">
                <h3 className="font-semibold">{f.title}</h3>
                <p className="mt-2 text-sm text-slate-700">{f.body}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <SiteFooter />
    </>
  )
}
