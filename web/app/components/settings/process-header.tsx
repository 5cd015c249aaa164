// The process's own settings: rename, make default, archive/restore, delete (behind a disclosure).
import { Field, Form, FormError, SubmitButton } from '../form.tsx'
import { buttonClass, cardClass } from '../sales/select-field.tsx'

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
        <Field
          label="Process name"
          name="name"
          required
          defaultValue={failure?.values?.name ?? process.name}
          error={failure?.fieldErrors?.name}
        />
        <Field
          label="Description"
          name="description"
          defaultValue={failure?.values?.description ?? process.description ?? ''}
          error={failure?.fieldErrors?.description}
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
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md px-2 text-sm text-red-700 hover:bg-red-50">
            Delete this process…
          </summary>
          <Form
            method="post"
            className="mt-2 flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm"
          >
            <p>Only a process without deals can be deleted; archive one that has deals.</p>
            <div>
              <button
                type="submit"
                name="intent"
                value="delete"
                className="inline-flex min-h-11 items-center rounded-md bg-red-700 px-4 font-medium text-white hover:bg-red-800"
              >
                Yes, delete {process.name}
              </button>
            </div>
          </Form>
        </details>
      )}
    </section>
  )
}
