import { Form } from '@remix-run/react'
import { FieldFrame, FormError } from '~/components/form.tsx'
import { Button } from '~/components/ui/button.tsx'
import { cardClass } from '~/components/ui/card.ts'
import { DEDUPE_MODES, type ImportDetail, mappingColumn } from '~/lib/imports.ts'

const selectClass =
  'min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-base text-slate-900 aria-invalid:border-red-600'

/**
 * The column mapping of an uploaded import: each column's header, a sample value (from the first row) and
 * the field it fills; then what to do with a row that matches an existing record. "Check" saves and shows
 * the new preview; "Start import" saves and starts. `errors` named `mapping.<i>` sit under column i.
 */
export function MappingForm({
  imp,
  error,
  errors,
  chosen,
  chosenMode,
}: {
  imp: ImportDetail
  error?: string | undefined
  errors: { field: string; message: string }[]
  /** The mapping just submitted, when the API refused it (so the choices stay as made). */
  chosen?: (string | null)[] | undefined
  chosenMode?: string | undefined
}) {
  const mapping = chosen ?? imp.mapping
  const mode = chosenMode ?? imp.dedupeMode
  const sample = imp.preview[0]?.cells ?? []
  const byColumn = new Map<number, string[]>()
  const general: string[] = []
  for (const e of errors) {
    const i = mappingColumn(e.field)
    if (i === null) {
      if (e.field === 'mapping' || e.field === '') general.push(e.message)
      continue
    }
    const list = byColumn.get(i) ?? []
    if (!list.includes(e.message)) list.push(e.message)
    byColumn.set(i, list)
  }
  const rule =
    imp.entity === 'contact'
      ? 'A row matches an existing contact with the same e-mail address.'
      : 'A row matches an existing organization with the same website domain or, without a website, the same name.'
  return (
    <Form method="post" className={`${cardClass} flex min-w-0 flex-col gap-4`}>
      <h2 className="text-lg font-semibold">Columns</h2>
      <FormError message={error} />
      {general.length > 0 && <FormError message={[...new Set(general)].join(' ')} />}
      <input type="hidden" name="columns" value={imp.columns.length} />
      <p className="text-sm text-slate-700">
        Choose the field each column of the file fills, or ignore the column.
      </p>
      <ol className="grid min-w-0 gap-4 sm:grid-cols-2">
        {imp.columns.map((header, i) => {
          const id = `column-${i}`
          const messages = byColumn.get(i)
          const value = sample[i] ?? ''
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; headers may repeat
            <li key={i} className="min-w-0">
              <FieldFrame
                label={header.trim() === '' ? `Column ${i + 1}` : header}
                id={id}
                hint={{ id: `${id}-hint`, text: value ? `Sample: ${value}` : 'Sample: (empty)' }}
                error={messages && { id: `${id}-error`, text: messages.join(' ') }}
                className="min-w-0 wrap-anywhere"
              >
                <select
                  id={id}
                  name={`column.${i}`}
                  defaultValue={mapping[i] ?? ''}
                  aria-invalid={messages ? true : undefined}
                  aria-describedby={messages ? `${id}-hint ${id}-error` : `${id}-hint`}
                  className={selectClass}
                >
                  <option value="">Ignore this column</option>
                  {imp.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </FieldFrame>
            </li>
          )
        })}
      </ol>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">When a row matches an existing record</legend>
        <p className="text-sm text-slate-600">{rule}</p>
        {DEDUPE_MODES.map((m) => (
          <label key={m.value} className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="dedupeMode"
              value={m.value}
              defaultChecked={mode === m.value}
              className="size-5"
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button name="intent" value="check">
          Check
        </Button>
        <Button variant="primary" name="intent" value="start">
          Start import
        </Button>
      </div>
    </Form>
  )
}
