import type { ImportEntity, ImportStatus as Status } from '~/lib/imports.ts'

const WORDS: Record<Status, { text: string; className: string }> = {
  uploaded: { text: 'Not started', className: 'bg-slate-100 text-slate-800' },
  running: { text: 'Importing', className: 'bg-sky-100 text-sky-900' },
  done: { text: 'Done', className: 'bg-emerald-100 text-emerald-900' },
  undoing: { text: 'Undoing', className: 'bg-amber-100 text-amber-900' },
  undone: { text: 'Undone', className: 'bg-slate-100 text-slate-800' },
}

/** An import's status as a small badge (the word carries it, the colour only repeats it). */
export function ImportStatus({ status }: { status: Status }) {
  const w = WORDS[status]
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${w.className}`}>{w.text}</span>
  )
}

export const importKind = (entity: ImportEntity) => (entity === 'contact' ? 'Contacts' : 'Organizations')
