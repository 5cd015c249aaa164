// The deals list's saved views (issue 13): "All deals" and the user's own views as links, the one shown
// marked as current; behind a disclosure, saving the filters shown as a view, or renaming or deleting the
// view shown. Plain links and forms posting to the list's own address: all of it works without JavaScript.
import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { Form, FormErrors, FormField, SubmitButton } from '../form.tsx'
import { IdempotencyKeyField } from '../idempotency-key.tsx'
import { buttonClass } from '../ui/button.tsx'

export interface ViewLink {
  id: string
  name: string
  /** The list with the view's filters. */
  href: string
}

type Reply = SubmissionResult<string[]> | undefined

const chip = (current: boolean) =>
  `inline-flex min-h-11 max-w-full items-center rounded-full border px-3 text-sm break-words focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${
    current
      ? 'border-indigo-600 bg-indigo-600 text-white'
      : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
  }`

const disclosure = 'rounded-md border border-slate-200 bg-white'
const summary = 'flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium'

export function SavedViews({
  all,
  views,
  currentId,
  filtered,
  reply,
}: {
  /** The list without filters, and its name ("All deals"). */
  all: { href: string; name: string }
  views: ViewLink[]
  currentId: string | null
  filtered: boolean
  /** The action's answer, when it answers one of these forms. */
  reply: Reply
}) {
  const current = views.find((v) => v.id === currentId) ?? null
  return (
    <section aria-label="Saved views" className="flex flex-col gap-2">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link to={all.href} aria-current={filtered ? undefined : 'page'} className={chip(!filtered)}>
            {all.name}
          </Link>
        </li>
        {views.map((v) => (
          <li key={v.id} className="max-w-full">
            <Link
              to={v.href}
              aria-current={v.id === currentId ? 'page' : undefined}
              className={chip(v.id === currentId)}
            >
              {v.name}
            </Link>
          </li>
        ))}
      </ul>
      {current ? <EditView view={current} reply={reply} /> : filtered ? <SaveView reply={reply} /> : null}
    </section>
  )
}

function SaveView({ reply }: { reply: Reply }) {
  const lastResult = reply?.initialValue?.intent === 'save-view' ? reply : undefined
  const [form, fields] = useForm<{ name: string }>({ id: 'save-view', lastResult })
  return (
    <details className={disclosure} open={Boolean(lastResult)}>
      <summary className={summary}>Save these filters as a view</summary>
      <Form
        method="post"
        {...getFormProps(form)}
        noValidate
        className="flex flex-wrap items-end gap-2 border-t border-slate-200 p-3"
      >
        <input type="hidden" name="intent" value="save-view" />
        <IdempotencyKeyField />
        <div className="min-w-0 flex-1 basis-48">
          <FormErrors errors={form.errors} />
          <FormField label="View name" meta={fields.name} maxLength={60} />
        </div>
        <SubmitButton>Save view</SubmitButton>
      </Form>
    </details>
  )
}

function EditView({ view, reply }: { view: ViewLink; reply: Reply }) {
  const intent = reply?.initialValue?.intent
  const lastResult = intent === 'rename-view' || intent === 'delete-view' ? reply : undefined
  const [form, fields] = useForm<{ name: string }>({
    id: 'rename-view',
    lastResult,
    defaultValue: { name: view.name },
  })
  return (
    <details className={disclosure} open={Boolean(lastResult)}>
      <summary className={summary}>Rename or delete “{view.name}”</summary>
      <div className="flex flex-col gap-3 border-t border-slate-200 p-3">
        <Form method="post" {...getFormProps(form)} noValidate className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="rename-view" />
          <input type="hidden" name="viewId" value={view.id} />
          <div className="min-w-0 flex-1 basis-48">
            <FormErrors errors={form.errors} />
            <FormField label="New name" meta={fields.name} maxLength={60} />
          </div>
          <SubmitButton>Rename</SubmitButton>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="delete-view" />
          <input type="hidden" name="viewId" value={view.id} />
          <button type="submit" className={buttonClass.secondary}>
            Delete this view
          </button>
          <span className="ml-2 text-sm text-slate-700">The deals stay; only the view goes.</span>
        </Form>
      </div>
    </details>
  )
}
