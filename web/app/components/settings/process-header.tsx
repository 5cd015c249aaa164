// The process's own settings: rename, make default, archive/restore, delete (behind a disclosure).
import { buttonClass } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { ConfirmDisclosure } from '~/components/ui/confirm-disclosure.tsx'
import { Form, FormError, SubmitButton } from '../form.tsx'
import { ProcessFields } from './process-fields.tsx'

interface Process {
  id: string
  name: string
  description: string | null
  isDefault: boolean
  archived: boolean
}

export function ProcessHeader({
  process,
  failure,
}: {
  process: Process
  failure?:
    | { formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> }
    | undefined
}) {
  return (
    <section aria-labelledby="process-settings" className={`${cardClass} flex flex-col gap-4`}>
      <h2 id="process-settings" className="text-lg font-semibold">
        Process
      </h2>
      <p className="text-sm text-slate-700">
        {process.isDefault
          ? 'Default process: new deals start here.'
          : process.archived
            ? 'Archived: hidden from new deals.'
            : 'Not the default.'}
      </p>
      <Form method="post" noValidate className="flex flex-col gap-3">
        <input type="hidden" name="intent" value="rename" />
        <FormError message={failure?.formError} />
        <ProcessFields
          name={failure?.values?.name ?? process.name}
          description={failure?.values?.description ?? process.description ?? ''}
          errors={failure?.fieldErrors}
        />
        <div>
          <SubmitButton>Save process</SubmitButton>
        </div>
      </Form>
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        {!process.isDefault && !process.archived && (
          <Form method="post">
            <button type="submit" name="intent" value="default" className={buttonClass.secondary}>
              Make default
            </button>
          </Form>
        )}
        {!process.isDefault && (
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value={process.archived ? 'unarchive' : 'archive'}
              className={buttonClass.secondary}
            >
              {process.archived ? 'Restore process' : 'Archive process'}
            </button>
          </Form>
        )}
      </div>
      {!process.isDefault && (
        <ConfirmDisclosure summary="Delete this process…">
          <p>Only a process without deals can be deleted; archive one that has deals.</p>
          <div>
            <button type="submit" name="intent" value="delete" className={buttonClass.danger}>
              Yes, delete {process.name}
            </button>
          </div>
        </ConfirmDisclosure>
      )}
    </section>
  )
}
