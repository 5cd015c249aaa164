// One field of the merge form (ADR 0172): the two records' values as radio choices, side by side on a
// laptop and stacked on a phone, so the page never scrolls sideways. A plain form field: no JavaScript.

export interface MergeFieldProps {
  name: string
  label: string
  a: string | null
  b: string | null
  /** Which side is chosen when the page opens. */
  checked: 'a' | 'b'
}

export function MergeField({ name, label, a, b, checked }: MergeFieldProps) {
  const option = (side: 'a' | 'b', value: string | null) => (
    <label className="flex min-h-11 min-w-0 cursor-pointer items-start gap-2 rounded border border-slate-200 p-2 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50">
      <input
        type="radio"
        name={`field.${name}`}
        value={side}
        defaultChecked={checked === side}
        className="mt-1 h-4 w-4 shrink-0"
      />
      <span className="min-w-0 break-words">
        <span className="sr-only">{side === 'a' ? 'Kept record: ' : 'Merged record: '}</span>
        {value ?? <span className="text-slate-700 italic">(empty)</span>}
      </span>
    </label>
  )
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{label}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {option('a', a)}
        {option('b', b)}
      </div>
    </fieldset>
  )
}
