// The contact page's GDPR box (admins, ADR 0173): download everything held about the person (a plain form
// posting to a download route, so it works without JavaScript) and the way to the erasure confirmation.
import { Form } from '@remix-run/react'
import { buttonClass } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'

export function ContactPrivacy({ contactId }: { contactId: string }) {
  return (
    <section aria-labelledby="privacy" className={`${cardClass} flex flex-col gap-3`}>
      <h2 id="privacy" className="text-lg font-semibold">
        Personal data
      </h2>
      <p className="text-sm text-slate-700">
        For a request from this person: everything Aura holds about them as one file, or their erasure.
      </p>
      <div className="flex flex-wrap gap-3">
        <Form method="post" action="/resources/contact-data" reloadDocument>
          <input type="hidden" name="contactId" value={contactId} />
          <button type="submit" className={buttonClass.secondary}>
            Download personal data
          </button>
        </Form>
        <a href={`/contacts/${contactId}/erase`} className={buttonClass.secondary}>
          Erase this contact
        </a>
      </div>
    </section>
  )
}
