// The process's own settings: rename (a Conform form: typed values and errors come back after a refusal),
// make default, archive/restore, and delete behind a disclosure. The buttons' refusals are announced at the
// top of the page.
import { getFormProps, useForm } from '@conform-to/react'
import type { z } from 'zod'
import { Button } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { ConfirmDisclosure } from '~/components/ui/confirm-disclosure.tsx'
import type { FormReply } from '~/lib/forms.server.ts'
import type { ZRenameProcessForm } from '~/lib/settings-forms.server.ts'
import { Form, FormErrors, FormField, SubmitButton } from '../form.tsx'

interface Process {
  id: string
  name: string
  description: string | null
  isDefault: boolean
  archived: boolean
}

const state = (p: Process) =>
  p.isDefault
    ? 'Default process: new deals start here.'
    : p.archived
      ? 'Archived: hidden from new deals.'
      : 'Not the default.'

export function ProcessSettings({
  process,
  lastResult,
}: {
  process: Process
  lastResult: FormReply | undefined
}) {
  const [form, fields] = useForm<z.input<typeof ZRenameProcessForm>>({
    id: 'process',
    lastResult,
    defaultValue: { name: process.name, description: process.description },
  })
  return (
    <section aria-labelledby="process-settings" className={`${cardClass} flex flex-col gap-4`}>
      <h2 id="process-settings" className="text-lg font-semibold">
        Process
      </h2>
      <p className="text-sm text-slate-700">{state(process)}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="flex flex-col gap-3">
        <input type="hidden" name="intent" value="rename" />
        <FormErrors errors={form.errors} />
        <FormField label="Process name" meta={fields.name} required />
        <FormField label="Description" meta={fields.description} />
        <div>
          <SubmitButton>Save process</SubmitButton>
        </div>
      </Form>
      {/* One form, a button per change: the pressed button's intent is what is sent. */}
      <Form method="post" className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        {!process.isDefault && !process.archived && (
          <Button name="intent" value="default">
            Make default
          </Button>
        )}
        {!process.isDefault && (
          <Button name="intent" value={process.archived ? 'unarchive' : 'archive'}>
            {process.archived ? 'Restore process' : 'Archive process'}
          </Button>
        )}
      </Form>
      {!process.isDefault && (
        <ConfirmDisclosure summary="Delete this process…">
          <p>Only a process without deals can be deleted; archive one that has deals.</p>
          <div>
            <Button variant="danger" name="intent" value="delete">
              Yes, delete {process.name}
            </Button>
          </div>
        </ConfirmDisclosure>
      )}
    </section>
  )
}
