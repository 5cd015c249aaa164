import type { ComponentProps } from 'react'

const base =
  'inline-flex min-h-11 items-center justify-center rounded-md text-sm font-medium disabled:opacity-60 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none'

/**
 * The house's button looks, for `<button>`, `<a>` and `<Link>` alike: every one a 44 px tap target with a
 * visible focus ring. `danger` is for the confirmed, destructive step only (never the first click).
 */
export const buttonClass = {
  primary: `${base} bg-indigo-600 px-4 text-white hover:bg-indigo-700`,
  secondary: `${base} border border-slate-300 bg-white px-3 text-slate-800 hover:bg-slate-100`,
  danger: `${base} bg-red-700 px-4 text-white hover:bg-red-800`,
} as const

export type ButtonVariant = keyof typeof buttonClass

/**
 * A button; `submit` unless told otherwise, because without JavaScript every button on these pages sends a
 * form. `name`/`value` (e.g. `intent`) pass through to say which action was meant.
 */
export function Button({
  variant = 'secondary',
  type = 'submit',
  className,
  ...rest
}: { variant?: ButtonVariant } & ComponentProps<'button'>) {
  return (
    <button
      type={type}
      className={className ? `${buttonClass[variant]} ${className}` : buttonClass[variant]}
      {...rest}
    />
  )
}
